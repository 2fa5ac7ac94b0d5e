-- A rebuild's finalisation (#11: its time runs up to the switch) is nearly all the recomputation of the people's
-- pre-aggregates: ~0.75 s of one backend's CPU at scale 0.12 (53,764 items), ~4.9 s over six networks of that scale
-- (322,180 items). Planned and profiled (bench/README.md, "A rebuild's finalisation planned"), its CPU is spread over
-- the plan's nodes, no one of them dominant; three things cost it work the rows do not need:
-- 1. member_staircase() and referent_quadrants() were called with arrays built by a subquery (ARRAY(SELECT ...)): a
--    SQL function whose argument is not a plain value is not inlined, so each ran apart, its statement planned as for
--    any array (10 people) and its rows stored in a tuplestore, spilled to a temporary file beyond work_mem, then read
--    back by the INSERT. The arrays are now variables, as fold_people() passes them: the functions are inlined into
--    the INSERT and planned with the array's own length (a custom plan: once per recomputation).
-- 2. member_month was summed from member_moves(item), item the whole row: each item's row image formed and each
--    field read back from it, then the 84,362 moves sorted by the line first (text, compared by the collation), the
--    planner counting 2 groups. member_moves() is given the item's columns (a ROW whose fields the planner reads
--    directly), and the moves are grouped and written in member_month's key order (structure, month, line).
-- 3. member_staircase() read its steps twice (a UNION ALL of the rising and the falling edges), so the planner stored
--    them all first (a CTE read twice is materialised); it now reads them once (below).
-- Measured (one session, each function alternated within one transaction rolled back, the backend's CPU from /proc):
-- over six networks 4,470-4,630 ms a call against 4,810-5,020 (-8 %, in each of three pairs); at scale 0.12 within the
-- noise (680-830 ms both). The rows are the same: the same functions (member_staircase(), referent_quadrants(),
-- member_moves(): one definition of the items, the referent rows and the counters with the folds), a digest of every
-- pre-aggregate equal before and after on the same generation at both scales, PeopleAndDelaysFoldTest,
-- IndicatorPathsEqualityTest, ProjectionRebuildTest, ConcurrentFoldTest.

-- B13's staircase, its steps read once: each step gives its rising edge and, where a later step of its staircase
-- begins, its falling one, from one pass over the steps (a LATERAL pair of rows). The same rows, for a fold's batch
-- as for everyone. Everything else is B13's.
CREATE OR REPLACE FUNCTION ${schema}.member_staircase(held_ids UUID[], informed_ids UUID[], steps_ids UUID[],
                                           accompanied_ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, w INTEGER, shared BOOLEAN,
               recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH months AS (
        SELECT q.person, q.line, q.structure_id, CAST(date_trunc('month', q.a) AS DATE) AS a,
               CASE WHEN q.b = 'infinity' THEN q.b ELSE CAST(date_trunc('month', q.b) AS DATE) END AS b, q.recorded
        FROM ${schema}.member_quadrants(held_ids, informed_ids, steps_ids, accompanied_ids) q
    ),
    widest AS (
        SELECT m.person, m.line, m.structure_id, m.a, max(m.b) AS b, max(m.recorded) AS recorded
        FROM months m GROUP BY m.person, m.line, m.structure_id, m.a
    ),
    steps AS (
        SELECT x.*, lead(x.a) OVER (PARTITION BY x.person, x.line, x.structure_id ORDER BY x.a) AS next_a,
               min(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line)
                   <> max(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line) AS shared
        FROM (SELECT y.*, max(y.b) OVER (PARTITION BY y.person, y.line, y.structure_id ORDER BY y.a
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
              FROM widest y) x
        WHERE x.before IS NULL OR x.b > x.before
    )
    -- each step's rising edge, and its falling one where a later step of its staircase begins
    SELECT s.person, s.line, s.structure_id, e.a, s.b, e.w, s.shared, s.recorded
    FROM steps s, LATERAL (VALUES (s.a, 1), (s.next_a, -1)) AS e (a, w)
    WHERE e.w = 1 OR s.next_a IS NOT NULL
$$;

-- B13's recomputation is replaced whole under its V15 name; refresh_people_and_delays(), its caller, keeps its body
-- and V18's setting (enable_nestloop = off, which holds for the functions it calls). Run again, it changes nothing.
CREATE OR REPLACE FUNCTION ${schema}.recompute_people_and_delays() RETURNS VOID LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    ids UUID[];
    accompaniments UUID[];
BEGIN
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.member_pair, ${schema}.delay_day,
        ${schema}.delay_month, ${schema}.referent_item;
    ids := ARRAY(SELECT beneficiary_id FROM ${schema}.accompaniment
                 UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
                 UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact);
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ids, ids, ids, ids) s;
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    -- the item's columns in the table's order (a migration adding a column to member_item adds it here)
    FROM ${schema}.member_item i,
         ${schema}.member_moves(ROW(i.person, i.line, i.structure_id, i.a, i.b, i.w, i.shared, i.recorded)
                                ::${schema}.member_item) x
    GROUP BY x.structure_id, x.month, x.line HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0
    ORDER BY x.structure_id, x.month, x.line;
    PERFORM ${schema}.refresh_member_pairs();
    accompaniments := ARRAY(SELECT accompaniment_id FROM ${schema}.accompaniment
                            UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level);
    INSERT INTO ${schema}.referent_item
    SELECT q.* FROM ${schema}.referent_quadrants(accompaniments) q;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    PERFORM ${schema}.refresh_delay_months();
END
$$;
