-- Accompaniments closed on a day of the period.
closed AS (
    SELECT * FROM {schema}.accompaniment a WHERE a.closed_at <= :asOf AND a.closed_on BETWEEN :ps AND :pe
      AND a.structure_id IN (SELECT structure_id FROM scope_structures)
)
