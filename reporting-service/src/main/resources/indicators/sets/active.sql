-- Accompaniments opened by the period's end and not closed before its start: whose and where (only the columns read).
-- @columns: beneficiary_id UUID, structure_id UUID
SELECT a.beneficiary_id, a.structure_id
FROM {schema}.accompaniment a
WHERE a.opened_at <= :asOf AND a.opened_on <= :pe
  AND (a.closed_at IS NULL OR a.closed_at > :asOf OR a.closed_on >= :ps)
  AND a.structure_id IN (SELECT structure_id FROM scope_structures)
