-- @needs: outcomes
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS contributing
-- @now-needs: facts
-- @now-with
counted AS (
    SELECT structure_id, key, CAST(sum(n) AS BIGINT) AS n, CAST(sum(m) AS BIGINT) AS m FROM facts
    WHERE fact = 'not-implemented' GROUP BY structure_id, month, key HAVING sum(n) > 0
)
-- @now-main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
