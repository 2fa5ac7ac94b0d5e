-- @as: counted-by-date rows=opened, fact=opened
-- @with
opened AS (
    SELECT * FROM {schema}.accompaniment a WHERE a.opened_at <= :asOf AND a.opened_on BETWEEN :ps AND :pe
      AND a.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @breakdown
SELECT 'level-' || level AS key, count(*) AS num, NULL AS den FROM opened GROUP BY level ORDER BY 1
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted GROUP BY key ORDER BY 1
