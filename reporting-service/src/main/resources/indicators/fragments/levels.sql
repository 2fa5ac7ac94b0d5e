-- The levels held by the accompaniments not closed (as known as of asOf) before the period's start, each lasting until
-- the next change (or the closure). The closed ones are left out before the window, not after: a partition dropped
-- whole changes no other's next change, and the rows to sort and the join after it shrink (at a million people, a hash
-- of the 420,000 levels met against every closure known).
levels AS (
    SELECT l.accompaniment_id, l.beneficiary_id, l.structure_id, l.referent_id, l.level, l.service,
           l.from_date,
           lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
               AS next_from
    FROM {schema}.accompaniment_level l
    WHERE l.recorded_at <= :asOf AND l.structure_id IN (SELECT structure_id FROM scope_structures)
      AND NOT EXISTS (SELECT 1 FROM {schema}.accompaniment c WHERE c.accompaniment_id = l.accompaniment_id
                        AND c.closed_at <= :asOf AND c.closed_on < :ps)
)
