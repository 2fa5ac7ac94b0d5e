-- Funders' decisions (or withdrawals) dated in the period, and the answers among them that carry a delay.
decisions AS (
    SELECT * FROM {schema}.funding_decision f WHERE f.recorded_at <= :asOf
      AND f.decided_on BETWEEN :ps AND :pe AND f.structure_id IN (SELECT structure_id FROM scope_structures)
),
answers AS (SELECT * FROM decisions WHERE decision <> 'WITHDRAWN' AND delay_days IS NOT NULL)
