-- @as: counted-by-date rows=decisions, fact=decision
-- @needs: decisions
-- @breakdown
SELECT decision AS key, count(*) AS num, NULL AS den FROM decisions GROUP BY decision
UNION ALL SELECT 'funder-' || funder, count(*), NULL FROM decisions GROUP BY funder
ORDER BY 1
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM counted GROUP BY key
UNION ALL SELECT 'funder-' || f.key, CAST(sum(f.n) AS BIGINT), NULL FROM (
    SELECT key, sum(n) AS n FROM facts WHERE fact = 'decision-funder'
    GROUP BY structure_id, month, key HAVING sum(n) > 0
) f
GROUP BY f.key
ORDER BY 1
