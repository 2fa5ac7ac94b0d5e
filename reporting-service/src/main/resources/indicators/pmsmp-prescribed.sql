-- @with
acts AS (
    SELECT * FROM {schema}.action a WHERE a.kind = 'PMSMP' AND a.planned_at <= :asOf
      AND a.planned_on BETWEEN :ps AND :pe AND a.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM acts)) AS contributing
FROM acts
-- @breakdown
SELECT pmsmp_purpose AS key, count(*) AS num, NULL AS den FROM acts WHERE pmsmp_purpose IS NOT NULL GROUP BY pmsmp_purpose ORDER BY 1
-- @now-with
counted AS (
    SELECT structure_id, key, n, m FROM {schema}.monthly_fact
    WHERE fact = 'pmsmp-prescribed' AND month BETWEEN :ps AND :pe AND n > 0
      AND structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted WHERE key IS NOT NULL GROUP BY key ORDER BY 1
