-- @as: counted-facts fact=not-implemented
-- @needs: outcomes
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS contributing
FROM outcomes
-- @breakdown
SELECT reason AS key, count(*) AS num, NULL AS den FROM outcomes, unnest(reasons) AS reason GROUP BY reason ORDER BY 1
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT r.key, CAST(sum(r.n) AS BIGINT) AS num, NULL AS den FROM (
    SELECT key, sum(n) AS n FROM facts WHERE fact = 'not-implemented-reason'
    GROUP BY structure_id, month, key HAVING sum(n) > 0
) r
GROUP BY r.key ORDER BY 1
