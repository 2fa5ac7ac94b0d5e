-- V14: the live upkeep's cost per event (issue #12): what the upkeep computed twice or for nothing, left out. Same
-- rows as B13's functions (PeopleAndDelaysFoldTest, IndicatorPathsEqualityTest); the triggers are B13's.

-- fold_people() as B13's, but people new to the fold skip the two differences (below, "people new to the fold").

-- Everyone noted gets the items of the groups of lines noted recomputed from the facts as they stand, all in one
-- statement, and the referent rows of the accompaniments noted; the counters move by the items that went and came
-- only (most items recomputed are those already kept), netted first, and only those items are written. A generic
-- plan holds for any batch: the statements take the batch's keys as arrays and every look-up goes by the person's,
-- the accompaniment's or the item's key through an index, so the plan does not depend on how many there are (a
-- custom plan per call planned the inlined recomputation again at each batch: ~100 ms of planning where running it
-- for a dozen people took ~10 ms). A later migration replacing fold_people() must keep the setting (CREATE OR
-- REPLACE without it drops it).
CREATE OR REPLACE FUNCTION ${schema}.fold_people() RETURNS VOID LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    ids UUID[];
    groups TEXT[];
    held_ids UUID[];
    informed_ids UUID[];
    steps_ids UUID[];
    accompanied_ids UUID[];
    accompaniments UUID[];
    before ${schema}.member_item[];
    after ${schema}.member_item[];
    gone ${schema}.member_item[];
    came ${schema}.member_item[];
    referents ${schema}.referent_item[];
    zero_lines TEXT[];
    zero_months DATE[];
    zero_structures UUID[];
    zero_firsts DATE[];
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    -- one (person, group) per group noted; a person noted for every line ('all') only once
    WITH noted AS (DELETE FROM ${schema}.people_change RETURNING person, accompaniment_id, lines),
    pairs AS (SELECT DISTINCT n.person, n.lines FROM noted n WHERE n.person IS NOT NULL),
    asked AS (
        SELECT p.person, p.lines FROM pairs p
        WHERE p.lines = 'all' OR NOT EXISTS (SELECT 1 FROM pairs q WHERE q.person = p.person AND q.lines = 'all')
    )
    SELECT coalesce((SELECT array_agg(a.person ORDER BY a.person, a.lines) FROM asked a), '{}'),
           coalesce((SELECT array_agg(a.lines ORDER BY a.person, a.lines) FROM asked a), '{}'),
           coalesce((SELECT array_agg(DISTINCT n.accompaniment_id ORDER BY n.accompaniment_id) FROM noted n
                     WHERE n.accompaniment_id IS NOT NULL), '{}')
    INTO ids, groups, accompaniments;
    IF cardinality(accompaniments) > 0 THEN
        SELECT coalesce(array_agg(ROW(q.accompaniment_id, q.referent_id, q.structure_id, q.a, q.b, q.recorded)
                                  ::${schema}.referent_item), '{}') INTO referents
        FROM ${schema}.referent_quadrants(accompaniments) q;
        DELETE FROM ${schema}.referent_item r
        WHERE r.accompaniment_id = ANY(accompaniments)
          AND (r.accompaniment_id, r.referent_id, r.structure_id, r.a, r.b, r.recorded) NOT IN (
              SELECT x.accompaniment_id, x.referent_id, x.structure_id, x.a, x.b, x.recorded FROM unnest(referents) x);
        INSERT INTO ${schema}.referent_item
        SELECT x.* FROM unnest(referents) x ORDER BY x.accompaniment_id, x.referent_id, x.structure_id, x.a, x.b
        ON CONFLICT DO NOTHING;
    END IF;
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- variables, not subqueries, as arguments: member_staircase() is then inlined into a plan made once
    SELECT coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'held')), '{}'),
           coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'informed')), '{}'),
           coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'steps')), '{}'),
           coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'accompanied')), '{}')
    INTO held_ids, informed_ids, steps_ids, accompanied_ids
    FROM unnest(ids, groups) AS p (person, lines);
    -- a person's groups asked are distinct, or 'all' alone: each item read once
    SELECT coalesce(array_agg(m), '{}') INTO before
    FROM unnest(ids, groups) AS p (person, lines) JOIN ${schema}.member_item m ON m.person = p.person
    WHERE p.lines = 'all' OR p.lines = ${schema}.line_group(m.line);
    SELECT coalesce(array_agg(ROW(s.person, s.line, s.structure_id, s.a, s.b, s.w, s.shared, s.recorded)
                              ::${schema}.member_item), '{}') INTO after
    FROM ${schema}.member_staircase(held_ids, informed_ids, steps_ids, accompanied_ids) s;
    -- people new to the fold (nothing kept for their lines): everything recomputed came, nothing went, no
    -- difference to work out (the staircase holds each key once)
    IF cardinality(before) = 0 THEN
        gone := '{}';
        came := after;
    ELSE
        SELECT coalesce(array_agg(ROW(x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded)
                                  ::${schema}.member_item), '{}') INTO gone
        FROM (SELECT * FROM unnest(before) EXCEPT SELECT * FROM unnest(after)) x;
        SELECT coalesce(array_agg(ROW(x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded)
                                  ::${schema}.member_item), '{}') INTO came
        FROM (SELECT * FROM unnest(after) EXCEPT SELECT * FROM unnest(before)) x;
    END IF;
    IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
        RETURN;
    END IF;
    -- only a counter this moves can come back to zero: the upsert says which
    WITH moved AS (
        INSERT INTO ${schema}.member_month AS t (line, month, structure_id, starts, ends)
        SELECT c.line, c.month, c.structure_id, sum(c.starts), sum(c.ends) FROM (
            SELECT o.line, o.month, o.structure_id, -o.starts AS starts, -o.ends AS ends
            FROM unnest(gone) AS old_item, ${schema}.member_moves(old_item) o
            UNION ALL SELECT x.* FROM unnest(came) AS new_item, ${schema}.member_moves(new_item) x
        ) c
        GROUP BY c.line, c.month, c.structure_id HAVING sum(c.starts) <> 0 OR sum(c.ends) <> 0
        ORDER BY c.line, c.month, c.structure_id
        ON CONFLICT (line, month, structure_id) DO UPDATE
        SET starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
        RETURNING t.line, t.month, t.structure_id, t.starts, t.ends
    )
    SELECT coalesce(array_agg(m.line), '{}'), coalesce(array_agg(m.month), '{}'),
           coalesce(array_agg(m.structure_id), '{}')
    INTO zero_lines, zero_months, zero_structures FROM moved m WHERE m.starts = 0 AND m.ends = 0;
    DELETE FROM ${schema}.member_month t
    USING unnest(zero_lines, zero_months, zero_structures) AS z (line, month, structure_id)
    WHERE t.line = z.line AND t.month = z.month AND t.structure_id = z.structure_id AND t.starts = 0 AND t.ends = 0;
    IF EXISTS (SELECT 1 FROM unnest(gone) g WHERE g.a > g.b) OR EXISTS (SELECT 1 FROM unnest(came) c WHERE c.a > c.b)
    THEN
        WITH moved AS (
            INSERT INTO ${schema}.member_pair AS t (structure_id, line, b, a, w)
            SELECT p.structure_id, p.line, p.b, p.a, sum(p.w) FROM (
                SELECT g.structure_id, g.line, g.b, g.a, -g.w AS w FROM unnest(gone) g WHERE g.a > g.b
                UNION ALL SELECT c.structure_id, c.line, c.b, c.a, c.w FROM unnest(came) c WHERE c.a > c.b
            ) p
            GROUP BY p.structure_id, p.line, p.b, p.a HAVING sum(p.w) <> 0
            ORDER BY p.structure_id, p.line, p.b, p.a
            ON CONFLICT (structure_id, line, b, a) DO UPDATE SET w = t.w + excluded.w
            RETURNING t.structure_id, t.line, t.b, t.a, t.w
        )
        SELECT coalesce(array_agg(m.line), '{}'), coalesce(array_agg(m.b), '{}'), coalesce(array_agg(m.a), '{}'),
               coalesce(array_agg(m.structure_id), '{}')
        INTO zero_lines, zero_months, zero_firsts, zero_structures FROM moved m WHERE m.w = 0;
        DELETE FROM ${schema}.member_pair t
        USING unnest(zero_structures, zero_lines, zero_months, zero_firsts) AS z (structure_id, line, b, a)
        WHERE t.structure_id = z.structure_id AND t.line = z.line AND t.b = z.b AND t.a = z.a AND t.w = 0;
    END IF;
    DELETE FROM ${schema}.member_item m USING unnest(gone) g
    WHERE m.person = g.person AND m.line = g.line AND m.structure_id = g.structure_id AND m.a = g.a AND m.b = g.b;
    -- a plain insert: an item kept under a key that came is in before (its person's line is asked), so it went just
    -- above, and folds take the generation's lock one after the other (ON CONFLICT DO NOTHING would check every
    -- item that came against the index twice)
    INSERT INTO ${schema}.member_item
    SELECT x.* FROM unnest(came) x ORDER BY x.person, x.line, x.structure_id, x.a, x.b;
END
$$;

-- monthly_fact's notes of an UPDATE: each changed row's old and new contributions worked out once, not twice (B13
-- evaluated them on both sides of both EXCEPT ALL: four contribution calls per updated row, on the beneficiary's row
-- most of a person's events update). The same multiset is noted. The triggers stay B13's.
DO $migration$
DECLARE
    fact_table TEXT;
BEGIN
    FOREACH fact_table IN ARRAY ARRAY['accompaniment', 'action', 'training_outcome', 'training_project',
            'funding_decision', 'beneficiary'] LOOP
        EXECUTE format($function$
            CREATE OR REPLACE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    WITH was AS MATERIALIZED (
                        SELECT x.* FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                    ),
                    became AS MATERIALIZED (
                        SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                    )
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded FROM (
                        SELECT * FROM was EXCEPT ALL SELECT * FROM became
                    ) o
                    UNION ALL
                    SELECT x.* FROM (SELECT * FROM became EXCEPT ALL SELECT * FROM was) x;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded
                    FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) o;
                ELSE
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x;
                END IF;
                IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
                    PERFORM %1$I.fold_monthly_facts();
                END IF;
                RETURN NULL;
            END
            $body$
            $function$, '${schema}', fact_table || '_monthly_fact_change', fact_table || '_contributions', fact_table);
    END LOOP;
END
$migration$;
