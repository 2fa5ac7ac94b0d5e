-- @with
acts AS (
    SELECT * FROM {schema}.action a WHERE a.kind = 'ALTERNANCE' AND a.done_at <= :asOf
      AND a.done_on BETWEEN :ps AND :pe AND a.structure_id IN (SELECT structure_id FROM scope_structures)
)
-- @main
SELECT count(*) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM acts)) AS contributing
FROM acts
-- @breakdown
SELECT alternance_contract AS key, count(*) AS num, NULL AS den FROM acts WHERE alternance_contract IS NOT NULL GROUP BY alternance_contract ORDER BY 1
