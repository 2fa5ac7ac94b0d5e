-- The share of the structures registered that have people in the set `{set}` in the period, counted in the people's
-- pre-aggregates on the line `{line}`.
-- @needs: {set}
-- @main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM {set})) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM {set})) AS contributing
-- @now-needs: members
-- @now-main
SELECT (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = '{line}' AND n > 0)) AS num,
       (SELECT count(*) FROM reg) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = '{line}' AND n > 0)) AS contributing
