-- count(*) over DISTINCT rather than count(DISTINCT): a hash of the people, where count(DISTINCT) sorts nearly a
-- million ids.
-- @needs: people
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM people)) AS contributing
FROM (SELECT DISTINCT person FROM people) p
-- @breakdown
SELECT 'level-' || level AS key, count(*) AS num, NULL AS den
FROM (SELECT DISTINCT level, person FROM people) p GROUP BY level
UNION ALL SELECT 'service-' || service, count(*), NULL
FROM (SELECT DISTINCT service, person FROM people WHERE service IS NOT NULL) p
GROUP BY service ORDER BY 1
-- @now-needs: members
-- @now-main
SELECT CAST(coalesce(sum(n) FILTER (WHERE line = 'all'), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = 'all' AND n > 0)) AS contributing
FROM members
-- @now-breakdown
SELECT line AS key, CAST(sum(n) AS BIGINT) AS num, NULL AS den FROM members
WHERE line LIKE 'level-%' OR line LIKE 'service-%' GROUP BY line HAVING sum(n) > 0 ORDER BY 1
