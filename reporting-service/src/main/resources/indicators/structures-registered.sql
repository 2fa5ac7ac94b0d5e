-- @main
SELECT count(*) AS num, NULL AS den, count(*) AS contributing FROM reg
-- @breakdown
SELECT s.region AS key, count(*) AS num, NULL AS den FROM {schema}.structure s
WHERE s.structure_id IN (SELECT structure_id FROM reg) GROUP BY s.region ORDER BY 1
