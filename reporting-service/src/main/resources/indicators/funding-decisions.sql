-- @needs: decisions
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM decisions)) AS contributing
FROM decisions
-- @breakdown
SELECT decision AS key, count(*) AS num, NULL AS den FROM decisions GROUP BY decision
UNION ALL SELECT 'funder-' || funder, count(*), NULL FROM decisions GROUP BY funder
ORDER BY 1
