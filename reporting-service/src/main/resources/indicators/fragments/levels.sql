-- The levels accompaniments held, each lasting until the next change (or the closure), and the closures known.
levels AS (
    SELECT l.accompaniment_id, l.beneficiary_id, l.structure_id, l.referent_id, l.level, l.service,
           l.from_date,
           lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
               AS next_from
    FROM {schema}.accompaniment_level l
    WHERE l.recorded_at <= :asOf AND l.structure_id IN (SELECT structure_id FROM scope_structures)
),
closures AS (
    SELECT accompaniment_id, closed_on FROM {schema}.accompaniment WHERE closed_at <= :asOf
)
