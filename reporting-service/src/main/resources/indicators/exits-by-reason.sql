-- @as: counted-by-date rows=exits, fact=exit
-- @with
exits AS (
    SELECT * FROM {schema}.beneficiary b WHERE b.exit_recorded_at <= :asOf
      AND b.exit_date BETWEEN :ps AND :pe AND b.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @breakdown
SELECT exit_reason AS key, count(*) AS num, NULL AS den FROM exits GROUP BY exit_reason ORDER BY 1
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted GROUP BY key ORDER BY 1
