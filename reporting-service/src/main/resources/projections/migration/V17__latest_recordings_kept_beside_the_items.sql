-- The live upkeep writes fewer index entries (#12: the pre-aggregates' upkeep still lowered live ingestion by ~22 %
-- after V16, bench/README.md). Every item a fold wrote into member_item went into three places (the heap, the key,
-- member_item_recorded), every referent row into three too (referent_item_recorded): those two indexes only served
-- the answers' "as of now" check, max(recorded) of each table. As V16 did for monthly_fact, the folds keep each
-- table's latest recording in pre_aggregate_recorded instead, raised in the fold that writes the rows, recounted from
-- the rows by a recomputation; the indexes go.
--
-- Kept by the folds, it is the latest recording a fold ever wrote, where max(recorded) was that of the rows standing:
-- an item whose facts went (a correction, a level changed the day it was taken) may take its recording away with it.
-- The kept value is then later than the rows', never earlier, so the check never reads the pre-aggregates as of an
-- instant before something they count: an answer as of an instant between the two takes the past-asOf or the exact
-- path, with the same figures (IndicatorPathsEqualityTest), as monthly_fact's recorded_max has always done (a counter
-- back to zero keeps its latest recording). A recomputation (a rebuild's restored upkeep) gives the rows' own again.
-- Run again on a schema that has it (a history rewritten), it changes nothing.

INSERT INTO ${schema}.pre_aggregate_recorded (pre_aggregate) VALUES ('member_item'), ('referent_item')
ON CONFLICT DO NOTHING;

-- the latest recording each table holds, from its rows: after a recomputation, or rows written by other means
CREATE OR REPLACE FUNCTION ${schema}.recount_pre_aggregate_recorded() RETURNS VOID LANGUAGE sql AS $$
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = CASE r.pre_aggregate
        WHEN 'monthly_fact' THEN (SELECT max(f.recorded_max) FROM ${schema}.monthly_fact f)
        WHEN 'member_item' THEN (SELECT max(i.recorded) FROM ${schema}.member_item i)
        WHEN 'referent_item' THEN (SELECT max(i.recorded) FROM ${schema}.referent_item i) END;
$$;
-- through the indexes, before they go
SELECT ${schema}.recount_pre_aggregate_recorded();

DROP INDEX IF EXISTS ${schema}.member_item_recorded;
DROP INDEX IF EXISTS ${schema}.referent_item_recorded;

-- V15's recomputation of the people and delays, then the latest recordings counted again from its rows (as V16's
-- refresh_monthly_facts() does; the rest of it unchanged)
CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.people_change;
    DELETE FROM ${schema}.delay_day_change;
    PERFORM ${schema}.recompute_people_and_delays();
    PERFORM ${schema}.recount_pre_aggregate_recorded();
END
$$;

-- B13's fold of the people, each table's latest recording raised after its rows are written (the items that came,
-- the referent rows of the accompaniments noted), under the fold's lock as every writer of the row; and the counters
-- written in the order of member_month's key since V16 (structure, month, line: one after the other in the index,
-- where B13's order, led by the line, jumped across it). Everything else is B13's, the generic plan included (CREATE
-- OR REPLACE without the setting would drop it).
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
        UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = x.latest
        FROM (SELECT max(q.recorded) AS latest FROM unnest(referents) q) x
        WHERE r.pre_aggregate = 'referent_item' AND x.latest > coalesce(r.recorded_max, '-infinity');
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
    SELECT coalesce(array_agg(ROW(x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded)
                              ::${schema}.member_item), '{}') INTO gone
    FROM (SELECT * FROM unnest(before) EXCEPT SELECT * FROM unnest(after)) x;
    SELECT coalesce(array_agg(ROW(x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded)
                              ::${schema}.member_item), '{}') INTO came
    FROM (SELECT * FROM unnest(after) EXCEPT SELECT * FROM unnest(before)) x;
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
        ORDER BY c.structure_id, c.month, c.line
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
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = x.latest
    FROM (SELECT max(c.recorded) AS latest FROM unnest(came) c) x
    WHERE r.pre_aggregate = 'member_item' AND x.latest > coalesce(r.recorded_max, '-infinity');
END
$$;
