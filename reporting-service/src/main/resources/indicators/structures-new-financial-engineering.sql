-- A project counts in the period of its first funding decision, at the structure of its earliest decision, when
-- any of its decisions known by asOf marks new financial engineering.
-- Exact path: the projects with a decision in the period and none before it, found through the decisions of the
-- period (an index range) rather than by grouping every decision ever recorded by project.
-- @with
firsts AS (
    SELECT DISTINCT f.project_id FROM {schema}.funding_decision f
    WHERE f.recorded_at <= :asOf AND f.decided_on BETWEEN :ps AND :pe
      AND NOT EXISTS (SELECT 1 FROM {schema}.funding_decision e WHERE e.project_id = f.project_id
                      AND e.recorded_at <= :asOf AND e.decided_on < :ps)
),
projects AS (
    SELECT f.project_id, (array_agg(f.structure_id ORDER BY f.decided_on, f.recorded_at, f.event_id))[1]
               AS structure_id
    FROM {schema}.funding_decision f WHERE f.recorded_at <= :asOf
      AND f.project_id IN (SELECT project_id FROM firsts)
    GROUP BY f.project_id HAVING bool_or(f.new_fe)
),
engineered AS (SELECT * FROM projects WHERE structure_id IN (SELECT structure_id FROM scope_structures))
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM engineered)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM engineered)) AS contributing
-- @breakdown
SELECT 'projects' AS key, count(*) AS num, NULL AS den FROM engineered
-- @now-with
-- one 'new-fe-project' per engineered project, in the month of its first decision (V6__funding_projects)
counted AS (
    SELECT structure_id, key, n, m FROM {schema}.monthly_fact
    WHERE fact = 'new-fe-project' AND month BETWEEN :ps AND :pe AND n > 0
      AND structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @now-main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
-- @now-breakdown
SELECT 'projects' AS key, CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den FROM counted
