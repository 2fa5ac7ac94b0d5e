-- @as: counted-by-date rows=closed, fact=closed
-- @needs: closed
-- @breakdown
SELECT outcome AS key, count(*) AS num, NULL AS den FROM closed GROUP BY outcome ORDER BY 1
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted GROUP BY key ORDER BY 1
