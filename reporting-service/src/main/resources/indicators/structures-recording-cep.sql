-- @needs: active
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM active)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM active)) AS contributing
