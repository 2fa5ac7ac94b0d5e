-- @needs: outcomes
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS contributing
FROM outcomes
-- @breakdown
SELECT reason AS key, count(*) AS num, NULL AS den FROM outcomes, unnest(reasons) AS reason GROUP BY reason ORDER BY 1
