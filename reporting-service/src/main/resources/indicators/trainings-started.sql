-- @with
started AS (
    SELECT * FROM {schema}.training_project p WHERE p.started_at <= :asOf
      AND p.started_on BETWEEN :ps AND :pe AND p.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @main
-- counted per structure first, so that `started` is read once and streamed (a common table expression read twice is
-- materialised: at a million people, every row of the period copied aside before being counted)
SELECT CAST(coalesce(sum(x.n), 0) AS BIGINT) AS num, NULL AS den,
       count(*) FILTER (WHERE x.structure_id IN (SELECT structure_id FROM reg)) AS contributing
FROM (SELECT structure_id, count(*) AS n FROM started GROUP BY structure_id) x
-- @breakdown
SELECT 'cpf-funded' AS key, count(*) FILTER (WHERE cpf_funded) AS num, NULL AS den FROM started
-- @now-needs: facts
-- @now-with
counted AS (
    SELECT structure_id, key, CAST(sum(n) AS BIGINT) AS n, CAST(sum(m) AS BIGINT) AS m FROM facts
    WHERE fact = 'started' GROUP BY structure_id, month, key HAVING sum(n) > 0
)
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT 'cpf-funded' AS key, CAST(coalesce(sum(m), 0) AS BIGINT) AS num, NULL AS den FROM counted
