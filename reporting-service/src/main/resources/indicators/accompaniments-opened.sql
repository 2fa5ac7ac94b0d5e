-- @with
opened AS (
    SELECT * FROM {schema}.accompaniment a WHERE a.opened_at <= :asOf AND a.opened_on BETWEEN :ps AND :pe
      AND a.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM opened)) AS contributing
FROM opened
-- @breakdown
SELECT 'level-' || level AS key, count(*) AS num, NULL AS den FROM opened GROUP BY level ORDER BY 1
