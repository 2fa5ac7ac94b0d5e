-- @needs: outcomes
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM outcomes)) AS contributing
-- @now-with
counted AS (
    SELECT structure_id, key, n, m FROM {schema}.monthly_fact
    WHERE fact = 'not-implemented' AND month BETWEEN :ps AND :pe AND n > 0
      AND structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @now-main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
