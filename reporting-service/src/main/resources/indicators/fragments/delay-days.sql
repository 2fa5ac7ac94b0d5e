-- The answers' delays of the period from the pre-aggregates (whole days, how many of each): per funder and over all
-- funders, and the structures of the scope with answers (answered).
-- The national scope reads the sums over all structures (delay_month, V8: a few thousand rows a year where delay_day
-- holds nearly one row per decision) and takes back those of structures outside the scope (not known as of asOf;
-- usually none); a region or a structure reads its structures' rows by the structure-led index, the scope as an
-- array (a semi-join over the scope's table was planned as a scan of every structure's rows of the period).
answers AS (
    SELECT t.funder, t.delay_days, t.n FROM {schema}.delay_month t
    WHERE :kind = 'NATIONAL' AND t.month BETWEEN :ps AND :pe
    UNION ALL
    SELECT d.funder, d.delay_days, -d.n FROM {schema}.delay_day d
    WHERE :kind = 'NATIONAL' AND d.month BETWEEN :ps AND :pe
      AND d.structure_id IN (SELECT x.structure_id FROM {schema}.delay_structures() x
                             WHERE x.structure_id NOT IN (SELECT structure_id FROM scope_structures))
    UNION ALL
    SELECT d.funder, d.delay_days, d.n FROM {schema}.delay_day d
    WHERE :kind <> 'NATIONAL' AND d.month BETWEEN :ps AND :pe
      AND d.structure_id = ANY(ARRAY(SELECT structure_id FROM scope_structures))
),
answered AS (
    SELECT s.structure_id FROM scope_structures s
    WHERE EXISTS (SELECT 1 FROM {schema}.delay_day d
                  WHERE d.structure_id = s.structure_id AND d.month BETWEEN :ps AND :pe AND d.n > 0)
),
days AS (SELECT funder, delay_days, CAST(sum(n) AS BIGINT) AS n FROM answers GROUP BY funder, delay_days
         HAVING sum(n) > 0),
overall AS (SELECT delay_days, CAST(sum(n) AS BIGINT) AS n FROM days GROUP BY delay_days)
