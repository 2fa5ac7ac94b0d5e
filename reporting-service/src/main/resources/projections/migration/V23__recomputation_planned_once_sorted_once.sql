-- A rebuild's finalisation ends when the people's and delays' recomputation ends (#11: ~20 % of a scale-1 rebuild,
-- bench/README.md, "A rebuild's finalisation: the recomputation planned once and sorted once"). Profiled at scale 1
-- (56,302 people, 440,038 quadrants, 446,750 items), two things cost it work the rows do not need:
-- 1. Planning. V21 gave recompute_people_and_delays() custom plans: each statement is planned with everyone's array
--    as a constant (56,302 ids, 0.9 MB), substituted into the staircase's nine semi-joins and the referents' two
--    filters, and the planner compares and copies those constants while it plans (0.3-2.6 s for the items' statement
--    alone at load 5-117, 26-243 ms for the referents'). The recomputation runs once a rebuild: a generic plan is
--    planned once too, with the arrays as parameters. Its estimates of the arrays' length are the default (10),
--    which changes nothing that matters: V18's enable_nestloop = off keeps every join a hash join, and the estimates
--    of the staircase's groups were already wrong (13,853 estimated, 439,291 counted).
-- 2. The staircase's months grouped by a hash, then sorted for its windows. The grouping (person, line, structure,
--    month) reduces nothing here (440,038 quadrants, 439,291 groups), so the hash table held every row (90 MB)
--    before the sort of the same rows in the windows' order. Without hash aggregation the rows are sorted once, in
--    that order, grouped as they come and read by the windows without another sort. The other groupings of the
--    recomputation (the informed people, the referents' rows, the delays, the arrays' unions) sort too.
-- The functions' bodies are unchanged: the same rows (a digest of every pre-aggregate equal before and after on a
-- scale-1 generation; PeopleAndDelaysFoldTest, IndicatorPathsEqualityTest, ProjectionRebuildTest, ConcurrentFoldTest).
-- The folds keep their plans (V19's generic plans and settings are fold_people()'s own). Run again, it changes nothing.
ALTER FUNCTION ${schema}.recompute_people_and_delays() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION ${schema}.recompute_people_and_delays() SET enable_hashagg = off;
