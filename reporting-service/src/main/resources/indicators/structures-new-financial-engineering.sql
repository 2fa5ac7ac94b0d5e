-- A project counts in the period of its first funding decision, at the structure of its earliest decision, when
-- any of its decisions known by asOf marks new financial engineering.
-- Exact path: a project whose every decision was recorded by asOf stands as it stands now, in funding_project (V6:
-- the same first decision, structure and engineering, kept by the projections' fold); the others (a decision of
-- theirs recorded after asOf) from their decisions known by asOf. At a million people, a third of the projects
-- grouped from their decisions instead of every project decided in the period.
-- @with
projects AS (
    SELECT p.project_id, p.structure_id FROM {schema}.funding_project p
    WHERE p.recorded_max <= :asOf AND p.new_fe AND p.first_on BETWEEN :ps AND :pe
    UNION ALL
    SELECT f.project_id, (array_agg(f.structure_id ORDER BY f.decided_on, f.recorded_at, f.event_id))[1]
    FROM {schema}.funding_decision f
    WHERE f.recorded_at <= :asOf
      AND f.project_id IN (SELECT p.project_id FROM {schema}.funding_project p WHERE p.recorded_max > :asOf)
    GROUP BY f.project_id HAVING bool_or(f.new_fe) AND min(f.decided_on) BETWEEN :ps AND :pe
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
