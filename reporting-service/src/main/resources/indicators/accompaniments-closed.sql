-- @needs: closed
-- @main
-- counted per structure first, so that `closed` is read once and streamed (a common table expression read twice is
-- materialised: at a million people, every row of the period copied aside before being counted)
SELECT CAST(coalesce(sum(x.n), 0) AS BIGINT) AS num, NULL AS den,
       count(*) FILTER (WHERE x.structure_id IN (SELECT structure_id FROM reg)) AS contributing
FROM (SELECT structure_id, count(*) AS n FROM closed GROUP BY structure_id) x
-- @breakdown
SELECT outcome AS key, count(*) AS num, NULL AS den FROM closed GROUP BY outcome ORDER BY 1
-- @now-needs: facts
-- @now-with
counted AS (
    SELECT structure_id, key, CAST(sum(n) AS BIGINT) AS n, CAST(sum(m) AS BIGINT) AS m FROM facts
    WHERE fact = 'closed' GROUP BY structure_id, month, key HAVING sum(n) > 0
)
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted GROUP BY key ORDER BY 1
