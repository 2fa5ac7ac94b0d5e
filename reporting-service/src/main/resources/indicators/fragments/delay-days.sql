-- The answers' delays of the period from the pre-aggregates (whole days, how many of each): per structure, per
-- funder and over all funders.
answered AS (
    SELECT structure_id, funder, delay_days, n FROM {schema}.delay_day
    WHERE month BETWEEN :ps AND :pe AND n > 0 AND structure_id IN (SELECT structure_id FROM scope_structures)
),
days AS (SELECT funder, delay_days, CAST(sum(n) AS BIGINT) AS n FROM answered GROUP BY funder, delay_days),
overall AS (SELECT delay_days, CAST(sum(n) AS BIGINT) AS n FROM days GROUP BY delay_days)
