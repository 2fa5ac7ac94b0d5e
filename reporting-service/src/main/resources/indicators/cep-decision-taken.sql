-- @needs: closed
-- @main
SELECT count(*) FILTER (WHERE decision_taken) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM closed)) AS contributing
FROM closed
-- @breakdown
SELECT outcome AS key, count(*) AS num, (SELECT count(*) FROM closed) AS den FROM closed GROUP BY outcome ORDER BY 1
-- @now-with
counted AS (
    SELECT structure_id, key, n, m FROM {schema}.monthly_fact
    WHERE fact = 'closed' AND month BETWEEN :ps AND :pe AND n > 0
      AND structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @now-main
SELECT CAST(coalesce(sum(m), 0) AS BIGINT) AS num, CAST(coalesce(sum(n), 0) AS BIGINT) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, (SELECT CAST(sum(n) AS BIGINT) FROM counted) AS den
FROM counted GROUP BY key ORDER BY 1
