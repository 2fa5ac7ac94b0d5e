-- Level-1 contacts of the period, an anonymous contact being a person of its own: who and where (only the columns
-- read).
-- @columns: person UUID, structure_id UUID
SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id
FROM {schema}.level1_contact c
WHERE c.recorded_at <= :asOf AND c.contact_date BETWEEN :ps AND :pe
  AND c.structure_id IN (SELECT structure_id FROM scope_structures)
