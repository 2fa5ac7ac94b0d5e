-- A project counts in the period of its first funding decision.
-- @with
projects AS (
    SELECT f.project_id, (array_agg(f.structure_id))[1] AS structure_id, min(f.decided_on) AS first_on,
           bool_or(f.new_fe) AS new_fe
    FROM {schema}.funding_decision f WHERE f.recorded_at <= :asOf GROUP BY f.project_id
),
engineered AS (
    SELECT * FROM projects WHERE new_fe AND first_on BETWEEN :ps AND :pe
      AND structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM engineered)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM engineered)) AS contributing
-- @breakdown
SELECT 'projects' AS key, count(*) AS num, NULL AS den FROM engineered
