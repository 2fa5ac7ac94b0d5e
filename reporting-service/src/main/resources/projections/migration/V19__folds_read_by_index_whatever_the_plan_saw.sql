-- The folds' statements are planned once per connection (a generic plan: fold_people(), fold_funding_projects()),
-- and that plan is kept until the planner's view of a table it reads changes (an ANALYZE). Made while the tables
-- are small — a generation's first folds, or any fold on a connection opened before its tables grew past their
-- last analysis — it read the batch's people by scanning whole tables (member_item, the accompaniments, their
-- levels, the CEP information, the level-1 contacts, the counters to drop back to zero), then joined them to the
-- few people asked: a fold then cost what the tables held, not what it was asked. On one of the benchmark's "on"
-- networks the folds read 9.2 M items in 101 whole scans of member_item (103.7 ms a call for the items before,
-- 2.6 ms through the key once an analysis had made the plan again), and which networks ran that way was the
-- timing of autovacuum: the live upkeep's cost ranged from 7.5 to 39.6 % of the rate in one run
-- (bench/README.md, "The folds read by index").
-- Every look-up of a fold goes by the person's, the accompaniment's, the item's, the counter's or the project's key
-- (the arrays it is given): the folds run without whole-table scans wherever an index serves, so the plan made
-- once is that one whatever the tables held when it was made. The notes are still read whole (their tables have
-- no index: a fold takes all of them). The setting holds for the call and the functions planned within it
-- (member_staircase() and member_quadrants() inlined, referent_quadrants(), funding_projects()); the
-- recomputation of everyone keeps its own plan (V18). A migration replacing either function must keep it beside
-- plan_cache_mode (CREATE OR REPLACE without a SET clause drops both). Run again, it changes nothing.
ALTER FUNCTION ${schema}.fold_people() SET enable_seqscan = off;
ALTER FUNCTION ${schema}.fold_funding_projects(UUID[]) SET enable_seqscan = off;
