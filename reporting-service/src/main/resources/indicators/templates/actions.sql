-- The actions of one kind (`{kind}`) prescribed or done in the period, by the date of that stage (`{date}_on`,
-- recorded at `{date}_at`), broken down by `{key}`; the pre-aggregates count them as the fact `{fact}`.
-- @as: counted-by-date rows=acts, fact={fact}
-- @with
acts AS (
    SELECT * FROM {schema}.action a WHERE a.kind = '{kind}' AND a.{date}_at <= :asOf
      AND a.{date}_on BETWEEN :ps AND :pe AND a.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @breakdown
SELECT {key} AS key, count(*) AS num, NULL AS den FROM acts WHERE {key} IS NOT NULL GROUP BY {key} ORDER BY 1
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted WHERE key IS NOT NULL GROUP BY key ORDER BY 1
