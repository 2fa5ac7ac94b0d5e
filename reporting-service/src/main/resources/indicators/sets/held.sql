-- Levels 2-3 held during the period: a level lasts until the next change or the closure; one changed the day it
-- was taken is held for no day. The accompaniments closed before the period's start are left out by `levels`. Only
-- the columns read (who, where, which level and service): a narrower table is cheaper to write and to read.
-- @needs: levels
-- @columns: beneficiary_id UUID, structure_id UUID, level INTEGER, service TEXT
SELECT lv.beneficiary_id, lv.structure_id, lv.level, lv.service FROM levels lv
WHERE lv.from_date <= :pe AND (lv.next_from IS NULL OR lv.next_from > :ps)
  AND (lv.next_from IS NULL OR lv.next_from > lv.from_date)
