-- Training projects declared not implemented on a day of the period.
outcomes AS (
    SELECT * FROM {schema}.training_outcome o WHERE o.recorded_at <= :asOf
      AND o.decided_on BETWEEN :ps AND :pe AND o.structure_id IN (SELECT structure_id FROM scope_structures)
)
