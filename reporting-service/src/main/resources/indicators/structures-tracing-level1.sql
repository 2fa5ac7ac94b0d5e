-- @needs: l1
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM l1)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM l1)) AS contributing
