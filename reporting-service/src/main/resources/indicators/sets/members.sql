-- People counted once per structure and line in the period, from the pre-aggregates (V4__people_and_delay_aggregates
-- explains them): the memberships begun by the period's end, less those ended before its start, plus those only a
-- period holding both their months counts (summed per structure, line and pair of months: member_pair, V8); and, with
-- no structure, what takes back once a person counted at two structures of the scope. A line's total over the scope
-- is the sum of its rows.
-- As of a past asOf too (`-- @exact-as-of`): the people with a fact recorded after asOf that can move them in the
-- period (fragment `late-people`, a handful when asOf lies well after the period) are taken back as the items count
-- them now and counted again from their facts as of asOf; everyone else is in the period as of asOf as now. At a
-- million people this answers a past asOf from the same few thousand rows instead of the levels' window and the
-- contacts of the whole period (bench/JOURNAL.md, "Exact path at 1 M: the people from their pre-aggregates").
-- @needs: late-people
-- @exact-as-of
-- @columns: structure_id UUID, line TEXT, n BIGINT
-- One pass over the counters up to the period's end and the pairs of months meeting it: their number depends on
-- structures, lines and months, not on how many people there are.
-- The scope filtered in each branch, not over their union: PostgreSQL does not push a semi-join into a UNION ALL. As
-- an array, not a semi-join: one region's six structures read their own rows through the structure-led indexes (V6,
-- V8), where the semi-join over the scope's table was planned as a scan of every structure's rows (58 -> 11 ms at
-- 1,000,000 people, EXPLAIN ANALYZE).
SELECT x.structure_id, x.line, CAST(sum(x.n) AS BIGINT) FROM (
    SELECT m.structure_id, m.line, m.starts - CASE WHEN m.month < :ps THEN m.ends ELSE 0 END AS n
    FROM {schema}.member_month m
    WHERE m.month <= :pe AND m.structure_id = ANY(ARRAY(SELECT structure_id FROM scope_structures))
    UNION ALL SELECT p.structure_id, p.line, p.w FROM {schema}.member_pair p
    WHERE p.b >= :ps AND p.a <= :pe AND p.structure_id = ANY(ARRAY(SELECT structure_id FROM scope_structures))
    UNION ALL SELECT l.structure_id, l.line, -l.c FROM late_now l
    UNION ALL SELECT l.structure_id, l.line, 1 FROM late_then l
) x
GROUP BY x.structure_id, x.line
UNION ALL
SELECT NULL, y.line, CAST(sum(y.once - y.counted) AS BIGINT) FROM (
    SELECT z.line, z.person, max(z.c) AS once, sum(z.c) AS counted FROM (
        SELECT i.line, i.person, i.structure_id, sum(i.w) AS c FROM {schema}.member_item i
        WHERE i.shared AND i.a <= :pe AND i.b >= :ps
          AND i.structure_id IN (SELECT structure_id FROM scope_structures)
        GROUP BY i.line, i.person, i.structure_id
    ) z GROUP BY z.line, z.person
    -- the late people's correction taken back as it stands now, and made again as of asOf
    UNION ALL SELECT l.line, l.person, -max(l.c), -sum(l.c) FROM late_now l GROUP BY l.line, l.person
    UNION ALL SELECT l.line, l.person, 1, count(*) FROM late_then l GROUP BY l.line, l.person
) y GROUP BY y.line
