-- @needs: closed
-- @main
SELECT count(*) FILTER (WHERE decision_taken) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM closed)) AS contributing
FROM closed
-- @breakdown
SELECT outcome AS key, count(*) AS num, (SELECT count(*) FROM closed) AS den FROM closed GROUP BY outcome ORDER BY 1
