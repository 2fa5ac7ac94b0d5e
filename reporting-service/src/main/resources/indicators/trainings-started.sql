-- @as: counted-by-date rows=started, fact=started
-- @with
started AS (
    SELECT * FROM {schema}.training_project p WHERE p.started_at <= :asOf
      AND p.started_on BETWEEN :ps AND :pe AND p.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @breakdown
SELECT 'cpf-funded' AS key, count(*) FILTER (WHERE cpf_funded) AS num, NULL AS den FROM started
-- @now-breakdown
SELECT 'cpf-funded' AS key, CAST(coalesce(sum(m), 0) AS BIGINT) AS num, NULL AS den FROM counted
