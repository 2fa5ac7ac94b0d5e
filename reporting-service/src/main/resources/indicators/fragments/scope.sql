-- The structures of the scope known as of asOf (facts count only for them), and those registered by the period's
-- end: the denominator of coverage and of the structure shares.
scope_structures AS (
    SELECT s.structure_id, s.registered_on FROM {schema}.structure s
    WHERE s.recorded_at <= :asOf
      AND (:kind = 'NATIONAL' OR (:kind = 'REGION' AND s.region = :scopeId)
           OR (:kind = 'STRUCTURE' AND CAST(s.structure_id AS TEXT) = :scopeId))
),
reg AS (SELECT structure_id FROM scope_structures WHERE registered_on <= :pe)
