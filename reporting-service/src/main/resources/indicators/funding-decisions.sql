-- @needs: decisions
-- @main
-- counted per structure first, so that `decisions` is read once and streamed (a common table expression read twice is
-- materialised: at a million people, every row of the period copied aside before being counted)
SELECT CAST(coalesce(sum(x.n), 0) AS BIGINT) AS num, NULL AS den,
       count(*) FILTER (WHERE x.structure_id IN (SELECT structure_id FROM reg)) AS contributing
FROM (SELECT structure_id, count(*) AS n FROM decisions GROUP BY structure_id) x
-- @breakdown
SELECT decision AS key, count(*) AS num, NULL AS den FROM decisions GROUP BY decision
UNION ALL SELECT 'funder-' || funder, count(*), NULL FROM decisions GROUP BY funder
ORDER BY 1
-- @now-needs: facts
-- @now-with
counted AS (
    SELECT structure_id, key, CAST(sum(n) AS BIGINT) AS n, CAST(sum(m) AS BIGINT) AS m FROM facts
    WHERE fact = 'decision' GROUP BY structure_id, month, key HAVING sum(n) > 0
)
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted GROUP BY key
UNION ALL SELECT 'funder-' || f.key, CAST(sum(f.n) AS BIGINT), NULL FROM (
    SELECT key, sum(n) AS n FROM facts WHERE fact = 'decision-funder'
    GROUP BY structure_id, month, key HAVING sum(n) > 0
) f
GROUP BY f.key
ORDER BY 1
