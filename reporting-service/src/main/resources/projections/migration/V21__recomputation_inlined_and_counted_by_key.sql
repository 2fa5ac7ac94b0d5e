-- A rebuild's finalisation (#11: its time runs up to the switch) is nearly all the recomputation of the people's
-- pre-aggregates, ~0.8 s of PostgreSQL's CPU at scale 0.12 for 53,764 items. Planned with EXPLAIN (ANALYZE, BUFFERS)
-- and profiled (bench/README.md, "A rebuild's finalisation"), B13's recomputation spent it in two places besides the
-- staircase itself:
-- 1. member_staircase() and referent_quadrants() were called with their arrays built by a subquery (ARRAY(SELECT …)):
--    a SQL function whose argument is not a plain value is not inlined. Each ran as a function of its own: its
--    statement planned as for any array (10 people), its 53,764 rows stored in a tuplestore (spilled to a temporary
--    file beyond work_mem) and read back by the INSERT. The arrays are now variables, as fold_people() passes them:
--    the functions are inlined into the INSERT and planned with the array's own length (a custom plan: run once per
--    recomputation, its planning costs nothing beside it).
-- 2. member_month was summed from member_moves(item), item being the whole row: each item's row image was formed, and
--    each of its fields read back from it, and the planner, counting 2 groups, sorted the 84,362 moves by the line
--    first (text, compared by the collation) to group them. member_moves() is given the item's columns (a ROW the
--    planner reads the fields of directly), and the moves are grouped and written in the order of member_month's key
--    (structure, month, line: a uuid first), one after the other in the index.
-- The rows are the same (the same functions, member_staircase(), referent_quadrants() and member_moves(), one
-- definition of the items, the referent rows and the counters with the folds): PeopleAndDelaysFoldTest,
-- IndicatorPathsEqualityTest, ProjectionRebuildTest, and a digest of every pre-aggregate before and after on the
-- same generation (bench/README.md).
-- B13's staircase, its steps read once: each step gives its rising edge and, where a later step of its staircase
-- begins, its falling one, from one pass over the steps (a LATERAL pair of rows) where B13's UNION ALL read the steps
-- twice, so the planner stored them all first (a CTE read twice is materialised: 53,764 rows written to a tuplestore,
-- spilled beyond work_mem, and read back twice). The same rows, for a fold's batch as for everyone (~15 % of the
-- staircase's CPU in a recomputation at scale 0.12). Everything else is B13's.
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
