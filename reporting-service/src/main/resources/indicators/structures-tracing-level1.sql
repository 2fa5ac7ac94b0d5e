-- @needs: l1
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM l1)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM l1)) AS contributing
-- @now-needs: members
-- @now-main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = 'l1' AND n > 0)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = 'l1' AND n > 0)) AS contributing
