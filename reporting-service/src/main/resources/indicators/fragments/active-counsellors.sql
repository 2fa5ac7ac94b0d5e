-- The counsellors active in the period in the scope (their latest period known as of asOf), and those of them met
-- delivering CEP in person: an interview or a level-1 contact of the period, found through an index per counsellor.
counsellor_periods AS (
    SELECT DISTINCT ON (p.counsellor_id) p.counsellor_id, p.structure_id, p.active_from, p.active_until
    FROM {schema}.counsellor_period p WHERE p.recorded_at <= :asOf
    ORDER BY p.counsellor_id, p.recorded_at DESC, p.version DESC
),
active_counsellors AS (
    SELECT c.counsellor_id, c.structure_id FROM counsellor_periods c
    WHERE (c.active_from IS NULL OR c.active_from <= :pe)
      AND (c.active_until IS NULL OR c.active_until >= :ps)
      AND c.structure_id IN (SELECT structure_id FROM scope_structures)
),
met AS (
    SELECT c.counsellor_id FROM active_counsellors c
    WHERE EXISTS (SELECT 1 FROM {schema}.interview i WHERE i.counsellor_id = c.counsellor_id
                    AND i.held_on BETWEEN :ps AND :pe AND i.recorded_at <= :asOf)
       OR EXISTS (SELECT 1 FROM {schema}.level1_contact x WHERE x.counsellor_id = c.counsellor_id
                    AND x.contact_date BETWEEN :ps AND :pe AND x.recorded_at <= :asOf
                    AND x.structure_id IN (SELECT structure_id FROM scope_structures))
)
