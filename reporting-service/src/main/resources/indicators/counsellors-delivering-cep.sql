-- Active counsellors met delivering CEP (fragment active-counsellors), or referents of an accompaniment active or
-- of a level held in the period.
-- @needs: active-counsellors, active, held
-- @with
delivering AS (
    SELECT c.* FROM active_counsellors c
    WHERE c.counsellor_id IN (SELECT counsellor_id FROM met)
       OR c.counsellor_id IN (SELECT referent_id FROM active)
       OR c.counsellor_id IN (SELECT referent_id FROM held)
)
-- @main
SELECT (SELECT count(*) FROM delivering) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM delivering)) AS contributing
FROM active_counsellors
-- @now-needs: active-counsellors
-- @now-with
-- a referent from the pre-aggregates (referent_item, V7): referent of an accompaniment or a level at a structure of
-- the scope in months meeting the period
delivering AS (
    SELECT c.* FROM active_counsellors c
    WHERE c.counsellor_id IN (SELECT counsellor_id FROM met)
       OR EXISTS (SELECT 1 FROM {schema}.referent_item i WHERE i.referent_id = c.counsellor_id
                    AND i.a <= :pe AND i.b >= :ps AND i.structure_id IN (SELECT structure_id FROM scope_structures))
)
-- @now-main
SELECT (SELECT count(*) FROM delivering) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM delivering)) AS contributing
FROM active_counsellors
