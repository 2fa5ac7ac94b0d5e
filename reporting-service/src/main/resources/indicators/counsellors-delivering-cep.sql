-- Active counsellors met delivering CEP (fragment active-counsellors), or referents of an accompaniment active or
-- of a level held in the period.
-- Exact path: per counsellor (a thousand at national scope), an accompaniment or a level of theirs found through the
-- referent's index, the search stopping at the first; rather than the sets of all the accompaniments active and all
-- the levels held (at a million people, 340,000 and 380,000 rows, and the levels' window over all of them). A level
-- is held as the set `held` says: taken by the period's end, its accompaniment not closed before the period's start,
-- and its next change (the next level of the accompaniment in the scope known as of asOf, by day then recording)
-- after the period's start and after its own day.
-- @needs: active-counsellors
-- @with
delivering AS (
    SELECT c.* FROM active_counsellors c
    WHERE c.counsellor_id IN (SELECT counsellor_id FROM met)
       OR EXISTS (SELECT 1 FROM {schema}.accompaniment a WHERE a.referent_id = c.counsellor_id
                    AND a.opened_at <= :asOf AND a.opened_on <= :pe
                    AND (a.closed_at IS NULL OR a.closed_at > :asOf OR a.closed_on >= :ps)
                    AND a.structure_id IN (SELECT structure_id FROM scope_structures))
       OR EXISTS (SELECT 1 FROM {schema}.accompaniment_level l
                  LEFT JOIN LATERAL (
                      SELECT n.from_date FROM {schema}.accompaniment_level n
                      WHERE n.accompaniment_id = l.accompaniment_id AND n.recorded_at <= :asOf
                        AND (n.from_date, n.recorded_at) > (l.from_date, l.recorded_at)
                        AND n.structure_id IN (SELECT structure_id FROM scope_structures)
                      ORDER BY n.from_date, n.recorded_at LIMIT 1) nx ON TRUE
                  WHERE l.referent_id = c.counsellor_id AND l.recorded_at <= :asOf AND l.from_date <= :pe
                    AND l.structure_id IN (SELECT structure_id FROM scope_structures)
                    AND NOT EXISTS (SELECT 1 FROM {schema}.accompaniment x WHERE x.accompaniment_id = l.accompaniment_id
                                      AND x.closed_at <= :asOf AND x.closed_on < :ps)
                    AND (nx.from_date IS NULL OR (nx.from_date > :ps AND nx.from_date > l.from_date)))
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
