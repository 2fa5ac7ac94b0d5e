-- The people reached: at each level 2-3 they held (set held), and at level 1 by their contacts (set l1), an
-- anonymous contact being a person of its own. Each query reads the two sets itself rather than through one union
-- of both read several times: a common table expression read twice is materialised (at a million people, 880,000
-- rows written and read again before each hash). count(*) over DISTINCT rather than count(DISTINCT): a hash of the
-- people, where count(DISTINCT) sorts nearly a million ids.
-- @needs: held, l1
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM held)
                                    OR structure_id IN (SELECT structure_id FROM l1)) AS contributing
FROM (SELECT beneficiary_id FROM held UNION SELECT person FROM l1) p
-- @breakdown
-- level 1 from the contacts, with any level-1 row held (none is expected) merged into the same people
SELECT 'level-' || level AS key, count(*) AS num, NULL AS den
FROM (SELECT DISTINCT level, beneficiary_id FROM held WHERE level <> 1) p GROUP BY level
UNION ALL SELECT 'level-1', count(*), NULL
FROM (SELECT beneficiary_id FROM held WHERE level = 1 UNION SELECT person FROM l1) p HAVING count(*) > 0
UNION ALL SELECT 'service-' || service, count(*), NULL
FROM (SELECT DISTINCT service, beneficiary_id FROM held WHERE service IS NOT NULL) p
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
