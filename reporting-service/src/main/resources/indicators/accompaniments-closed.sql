-- @needs: closed
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM closed)) AS contributing
FROM closed
-- @breakdown
SELECT outcome AS key, count(*) AS num, NULL AS den FROM closed GROUP BY outcome ORDER BY 1
