-- Levels 2-3 held during the period: a level lasts until the next change or the closure; one changed the day it
-- was taken is held for no day. The accompaniments closed before the period's start are left out by `levels`.
-- @needs: levels
-- @columns: accompaniment_id UUID, beneficiary_id UUID, structure_id UUID, referent_id UUID, level INTEGER, service TEXT, from_date DATE, next_from DATE
SELECT lv.* FROM levels lv
WHERE lv.from_date <= :pe AND (lv.next_from IS NULL OR lv.next_from > :ps)
  AND (lv.next_from IS NULL OR lv.next_from > lv.from_date)
