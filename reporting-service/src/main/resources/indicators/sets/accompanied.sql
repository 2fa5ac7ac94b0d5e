-- The people of the active accompaniments, once each: the shares of the accompanied count them and join them, and a
-- distinct of a million ids worked out once here rather than again by each indicator reading them. Their structures
-- are those of `active`.
-- @needs: active
-- @columns: beneficiary_id UUID
SELECT DISTINCT beneficiary_id FROM active
