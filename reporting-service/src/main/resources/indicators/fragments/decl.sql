-- The latest declaration of each registered structure for exactly this period.
decl AS (
    SELECT DISTINCT ON (d.structure_id) d.* FROM {schema}.declaration d
    WHERE d.period_start = :ps AND d.period_end = :pe AND d.recorded_at <= :asOf
      AND d.structure_id IN (SELECT structure_id FROM reg)
    ORDER BY d.structure_id, d.version DESC
)
