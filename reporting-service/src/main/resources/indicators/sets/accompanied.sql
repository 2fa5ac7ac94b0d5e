-- The people of the active accompaniments, per structure.
-- @needs: active
-- @columns: beneficiary_id UUID, structure_id UUID
SELECT DISTINCT beneficiary_id, structure_id FROM active
