-- @needs: outcomes
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS contributing
FROM outcomes
-- @breakdown
SELECT reason AS key, count(*) AS num, NULL AS den FROM outcomes, unnest(reasons) AS reason GROUP BY reason ORDER BY 1
-- @now-with
counted AS (
    SELECT structure_id, key, n, m FROM {schema}.monthly_fact
    WHERE fact = 'not-implemented' AND month BETWEEN :ps AND :pe AND n > 0
      AND structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM {schema}.monthly_fact
WHERE fact = 'not-implemented-reason' AND month BETWEEN :ps AND :pe AND n > 0
  AND structure_id IN (SELECT structure_id FROM scope_structures)
GROUP BY key ORDER BY 1
