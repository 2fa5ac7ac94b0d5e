-- @with
exits AS (
    SELECT * FROM {schema}.beneficiary b WHERE b.exit_recorded_at <= :asOf
      AND b.exit_date BETWEEN :ps AND :pe AND b.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM exits)) AS contributing
FROM exits
-- @breakdown
SELECT exit_reason AS key, count(*) AS num, NULL AS den FROM exits GROUP BY exit_reason ORDER BY 1
