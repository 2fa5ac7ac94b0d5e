-- What the "as of now" read of people and delays still read per person or per decision, summed so that its size
-- depends on structures, lines and months (delays and funders), not on how many people or decisions there are.
--
-- At 1,000,000 people the set members (indicators/sets/members.sql) read 233,745 inverted items (a > b: a
-- withdrawal on the day of the step, a second contact after the first month's...) for 2016 at national scope, one
-- heap row each: 0.7 s of its 0.75 s warm (EXPLAIN ANALYZE, bench/README.md). Only their sum per structure, line and
-- pair of months counts: member_pair holds it (33,657 rows for the 763,000 inverted items), kept by fold_people()
-- from the items that went and came, as member_month is; a sum back to zero goes, as a recomputation writes none. The
-- items stay in member_item (the fold recomputes a person's from them; the two-structure correction reads the shared
-- ones), but nothing reads the inverted ones by index any more: member_item_inverted and its structure-led twin go,
-- two fewer index entries per inverted item written.
--
-- The funding delays' histogram per structure, month, funder and delay held 114,644 rows for 2016 at 1,000,000
-- people (nearly one per decision: 85 delays x 9 funders x 102 structures x 12 months is not reached): summed over
-- the structures in delay_month for the national scope, which takes back the rows of structures outside the scope
-- (not known as of asOf), found through delay_structures(); delay_day by structure and month for one region or
-- structure (its primary key leads by month: every structure's rows of the period were read, and the scope's kept).
CREATE TABLE ${schema}.member_pair (
    structure_id UUID   NOT NULL,
    line         TEXT   NOT NULL,
    b            DATE   NOT NULL,
    a            DATE   NOT NULL,
    w            BIGINT NOT NULL,
    PRIMARY KEY (structure_id, line, b, a)
);

DROP INDEX ${schema}.member_item_inverted;
DROP INDEX ${schema}.member_item_inverted_structure;

CREATE TABLE ${schema}.delay_month (
    month      DATE    NOT NULL,
    funder     TEXT    NOT NULL,
    delay_days INTEGER NOT NULL,
    n          BIGINT  NOT NULL,
    PRIMARY KEY (month, funder, delay_days)
);
CREATE INDEX delay_day_structure ON ${schema}.delay_day (structure_id, month);

-- The structures delay_day holds rows of, one index probe each (a skip scan PostgreSQL does not do by itself).
CREATE FUNCTION ${schema}.delay_structures() RETURNS TABLE (structure_id UUID) LANGUAGE sql STABLE AS $$
    WITH RECURSIVE s AS (
        (SELECT d.structure_id AS id FROM ${schema}.delay_day d ORDER BY d.structure_id LIMIT 1)
        UNION ALL
        SELECT (SELECT d.structure_id FROM ${schema}.delay_day d WHERE d.structure_id > s.id
                ORDER BY d.structure_id LIMIT 1) FROM s
        WHERE s.id IS NOT NULL
    )
    SELECT id FROM s WHERE id IS NOT NULL
$$;

-- V7's fold, and the inverted items' sums moved by the items that went and came.
CREATE OR REPLACE FUNCTION ${schema}.fold_people() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    ids UUID[];
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
    WITH noted AS (DELETE FROM ${schema}.people_change RETURNING person, accompaniment_id)
    SELECT coalesce(array_agg(DISTINCT n.person ORDER BY n.person) FILTER (WHERE n.person IS NOT NULL), '{}'),
           coalesce(array_agg(DISTINCT n.accompaniment_id ORDER BY n.accompaniment_id)
                    FILTER (WHERE n.accompaniment_id IS NOT NULL), '{}')
    INTO ids, accompaniments FROM noted n;
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
    SELECT coalesce(array_agg(m), '{}') INTO before FROM ${schema}.member_item m WHERE m.person = ANY(ids);
    SELECT coalesce(array_agg(ROW(s.person, s.line, s.structure_id, s.a, s.b, s.w, s.shared, s.recorded)
                              ::${schema}.member_item), '{}') INTO after
    FROM ${schema}.member_staircase(ids) s;
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
    -- the inverted items' sums, likewise: an item that went and came back (its sharing or recording changed) nets to
    -- nothing and writes nothing
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
        -- a statement of its own: the upsert's new row versions are not visible to the statement making them
        DELETE FROM ${schema}.member_pair t
        USING unnest(zero_structures, zero_lines, zero_months, zero_firsts) AS z (structure_id, line, b, a)
        WHERE t.structure_id = z.structure_id AND t.line = z.line AND t.b = z.b AND t.a = z.a AND t.w = 0;
    END IF;
    DELETE FROM ${schema}.member_item m USING unnest(gone) g
    WHERE m.person = g.person AND m.line = g.line AND m.structure_id = g.structure_id AND m.a = g.a AND m.b = g.b;
    INSERT INTO ${schema}.member_item
    SELECT x.* FROM unnest(came) x ORDER BY x.person, x.line, x.structure_id, x.a, x.b
    ON CONFLICT DO NOTHING;
END
$$;

-- V5's fold, the national sums beside the structures' rows. Every key noted is written, even when the batch's
-- contributions net to nothing, in both.
CREATE OR REPLACE FUNCTION ${schema}.fold_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    WITH noted AS (DELETE FROM ${schema}.delay_day_change RETURNING *),
    national AS (
        INSERT INTO ${schema}.delay_month AS t (month, funder, delay_days, n)
        SELECT c.month, c.funder, c.delay_days, sum(c.n) FROM noted c
        GROUP BY c.month, c.funder, c.delay_days
        ORDER BY c.month, c.funder, c.delay_days
        ON CONFLICT (month, funder, delay_days) DO UPDATE SET n = t.n + excluded.n
    )
    INSERT INTO ${schema}.delay_day AS t (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT c.month, c.structure_id, c.funder, c.delay_days, sum(c.n), max(c.recorded) FROM noted c
    GROUP BY c.month, c.structure_id, c.funder, c.delay_days
    ORDER BY c.month, c.structure_id, c.funder, c.delay_days
    ON CONFLICT (month, structure_id, funder, delay_days) DO UPDATE
    SET n = t.n + excluded.n, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
END
$$;

-- V7's recomputation, the sums beside what they sum.
CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.member_pair, ${schema}.delay_day,
        ${schema}.delay_month, ${schema}.referent_item;
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ARRAY(
        SELECT beneficiary_id FROM ${schema}.accompaniment
        UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
        UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact)) s;
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    FROM ${schema}.member_item item, ${schema}.member_moves(item) x
    GROUP BY x.line, x.month, x.structure_id HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0;
    PERFORM ${schema}.refresh_member_pairs();
    INSERT INTO ${schema}.referent_item
    SELECT q.* FROM ${schema}.referent_quadrants(ARRAY(
        SELECT accompaniment_id FROM ${schema}.accompaniment
        UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level)) q;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    PERFORM ${schema}.refresh_delay_months();
END
$$;

CREATE FUNCTION ${schema}.refresh_member_pairs() RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO ${schema}.member_pair (structure_id, line, b, a, w)
    SELECT i.structure_id, i.line, i.b, i.a, sum(i.w) FROM ${schema}.member_item i WHERE i.a > i.b
    GROUP BY i.structure_id, i.line, i.b, i.a HAVING sum(i.w) <> 0;
$$;

CREATE FUNCTION ${schema}.refresh_delay_months() RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO ${schema}.delay_month (month, funder, delay_days, n)
    SELECT d.month, d.funder, d.delay_days, sum(d.n) FROM ${schema}.delay_day d GROUP BY 1, 2, 3;
$$;

-- the data already projected
SELECT ${schema}.refresh_member_pairs();
SELECT ${schema}.refresh_delay_months();
