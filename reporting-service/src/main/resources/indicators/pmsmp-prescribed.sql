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
