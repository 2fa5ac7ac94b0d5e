-- The live channel's upkeep of the pre-aggregates cut to what a change can move (issue #12: the live ingestion was
-- ~30 % slower with it, all of it in PostgreSQL; bench/README.md, "The live upkeep per kind of change").
--
-- Profiled on the live benchmark (pg_stat_statements, track_functions, auto_explain of a fold): fold_people() was
-- 70-85 % of the upkeep, and within it the recomputation of every noted person's whole staircase of items (a person
-- holds 5-15 items; a CPF step or a CEP information moves 1-2 of them) and the reading of all of the person's items
-- before. Yet each fact table feeds only some lines of member_quadrants():
--   'held'        all, level-N, service-X, l1: the levels held (accompaniment_level, closed by the accompaniment)
--                 and the level-1 contacts;
--   'informed'    informed: CEP information, during an accompaniment;
--   'steps'       cpf-*, consent-*: CPF steps, during an accompaniment;
--   'accompanied' accompanied: the accompaniment alone.
-- An accompaniment feeds all four ('all'). A staircase is per person, line and structure, and an item's sharing per
-- person and line, so the items of a person's lines of one group are a function of the facts feeding it alone: the
-- notes now say which group a change can move (people_change.lines), and the fold recomputes and reads only those
-- lines of each person noted — the same items as a whole recomputation, fewer rows read and compared. A CPF step the
-- items never read (ALREADY_OPEN) notes nobody, and a person's steps are read with their withdrawals in one look-up
-- (V4 looked up the withdrawals again for each step).
--
-- monthly_fact: an UPDATE noted each row's old contribution taken back and its new one added, even when the update
-- left them equal; the beneficiary's row is updated by most of the person's events (a referent, the portfolio), so
-- most of what the fold wrote back was unchanged. A contribution an update leaves as it was (same counter, counts and
-- recording) is no longer noted: taken back and added again it moved nothing, and its counter already holds its
-- recording (the contribution was folded when it came, and counters are never removed), so monthly_fact is the same,
-- row for row.
--
-- fold_funding_projects() was a SQL function, planned again at each funding decision statement (V12's reason for
-- fold_monthly_facts()): PL/pgSQL now, planned once per connection, with the same statements.
ALTER TABLE ${schema}.people_change ADD COLUMN lines TEXT NOT NULL DEFAULT 'all';

-- The counters are updated by nearly every batch, a few hundred of them each time; room on their pages lets an
-- update stay on its page without new index entries (nothing indexed changes), as 57 % of them already did on pages
-- freed by pruning. For the pages written from now on.
ALTER TABLE ${schema}.member_month SET (fillfactor = 70);

-- The group of lines an item's line belongs to (see the top of this file).
CREATE FUNCTION ${schema}.line_group(line TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN line = 'accompanied' THEN 'accompanied'
                WHEN line = 'informed' THEN 'informed'
                WHEN line LIKE 'cpf-%' OR line LIKE 'consent-%' THEN 'steps'
                ELSE 'held' END
$$;

-- V7's quadrants, for each group of lines only the people asked for it. One array per group, each person's look-ups
-- as V7's (a semi-join on the array's people): the same plans for a batch's few people and for everyone at once.
CREATE FUNCTION ${schema}.member_quadrants(held_ids UUID[], informed_ids UUID[], steps_ids UUID[],
                                           accompanied_ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH active AS (
        SELECT x.beneficiary_id AS person, x.structure_id, x.opened_on AS a,
               CASE WHEN x.closed_at IS NULL THEN 'infinity'::DATE ELSE x.closed_on END AS b,
               greatest(x.opened_at, x.closed_at) AS recorded
        FROM ${schema}.accompaniment x
        WHERE x.beneficiary_id IN (SELECT unnest(informed_ids) UNION SELECT unnest(steps_ids)
                                   UNION SELECT unnest(accompanied_ids))
          AND x.opened_at IS NOT NULL AND x.opened_on IS NOT NULL
          AND (x.closed_at IS NULL OR x.closed_on IS NOT NULL)
    ),
    -- every level of the people's accompaniments: a level lasts until the next one, whoever's it is
    levels AS (
        SELECT l.beneficiary_id AS person, l.accompaniment_id, l.structure_id, l.level, l.service, l.from_date,
               lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                   AS next_from,
               max(l.recorded_at) OVER (PARTITION BY l.accompaniment_id) AS recorded_at
        FROM ${schema}.accompaniment_level l
        WHERE l.accompaniment_id IN (SELECT y.accompaniment_id FROM ${schema}.accompaniment_level y
                                     WHERE y.beneficiary_id IN (SELECT unnest(held_ids)))
    ),
    held AS (
        SELECT lv.person, lv.structure_id, lv.level, lv.service, lv.from_date AS a,
               least(coalesce(lv.next_from - 1, 'infinity'::DATE),
                     CASE WHEN c.closed_at IS NULL THEN 'infinity'::DATE
                          ELSE coalesce(c.closed_on, 'infinity'::DATE) END) AS b,
               greatest(lv.recorded_at, c.closed_at) AS recorded
        FROM levels lv LEFT JOIN ${schema}.accompaniment c ON c.accompaniment_id = lv.accompaniment_id
        WHERE (lv.next_from IS NULL OR lv.next_from > lv.from_date)
          AND lv.person IN (SELECT unnest(held_ids))
    ),
    l1 AS (
        SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id, c.contact_date AS a,
               c.contact_date AS b, c.recorded_at AS recorded
        FROM ${schema}.level1_contact c
        WHERE coalesce(c.beneficiary_id, c.contact_id) IN (SELECT unnest(held_ids))
    ),
    informed AS (
        SELECT i.beneficiary_id AS person, min(i.informed_on) AS since, max(i.recorded_at) AS recorded
        FROM ${schema}.cep_information i
        WHERE i.beneficiary_id IN (SELECT unnest(informed_ids))
        GROUP BY i.beneficiary_id
    ),
    -- the steps the items read and their withdrawals, in one look-up per person
    cpf AS (
        SELECT s.beneficiary_id AS person, s.step, s.modality, s.step_on, s.recorded_at,
               s.step LIKE '%\_WITHDRAWN' AS withdrawn
        FROM ${schema}.cpf_step s
        WHERE s.beneficiary_id IN (SELECT unnest(steps_ids))
          AND s.step IN ('PRESENTED', 'OPENING_ASSISTED', 'CONSENT', 'PRESENTED_WITHDRAWN',
                         'OPENING_ASSISTED_WITHDRAWN', 'CONSENT_WITHDRAWN')
    ),
    -- a step counts from its date to the day before its first withdrawal on or after it (V4's rule): per person and
    -- step, in descending dates, the withdrawals from the step's date on are the rows up to the step and its peers
    -- (a sort, whatever the number of people, instead of a look-up per step)
    steps AS (
        SELECT w.person, w.step, w.modality, w.step_on AS a, coalesce(w.on_day - 1, 'infinity'::DATE) AS b,
               greatest(w.recorded_at, w.at) AS recorded
        FROM (SELECT c.*,
                     min(c.step_on) FILTER (WHERE c.withdrawn) OVER later AS on_day,
                     max(c.recorded_at) FILTER (WHERE c.withdrawn) OVER later AS at
              FROM cpf c
              WINDOW later AS (PARTITION BY c.person,
                                            CASE WHEN c.withdrawn THEN left(c.step, -length('_WITHDRAWN'))
                                                 ELSE c.step END
                               ORDER BY c.step_on DESC)) w
        WHERE NOT w.withdrawn
    )
    SELECT person, 'all', structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'level-' || level, structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'service-' || service, structure_id, a, b, recorded FROM held WHERE service IS NOT NULL
    UNION ALL SELECT person, 'all', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'level-1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'l1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'accompanied', structure_id, a, b, recorded FROM active
    WHERE person IN (SELECT unnest(accompanied_ids))
    -- the numerators: accompanied in P and informed (a step taken, not withdrawn) for P
    UNION ALL SELECT x.person, 'informed', x.structure_id, greatest(x.a, i.since), x.b, greatest(x.recorded, i.recorded)
    FROM active x JOIN informed i ON i.person = x.person
    UNION ALL SELECT x.person, 'cpf-' || lower(s.step), x.structure_id, greatest(x.a, s.a), least(x.b, s.b),
           greatest(x.recorded, s.recorded)
    FROM active x JOIN steps s ON s.person = x.person
    UNION ALL SELECT x.person, 'consent-' || s.modality, x.structure_id, greatest(x.a, s.a), least(x.b, s.b),
           greatest(x.recorded, s.recorded)
    FROM active x JOIN steps s ON s.person = x.person WHERE s.step = 'CONSENT' AND s.modality IS NOT NULL
$$;

-- Every line of the given people: the recomputation from scratch (refresh_people_and_delays()).
CREATE OR REPLACE FUNCTION ${schema}.member_quadrants(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT q.* FROM ${schema}.member_quadrants(ids, ids, ids, ids) q
$$;

-- V4's staircase over the lines asked of each person (V4's rules, unchanged).
CREATE FUNCTION ${schema}.member_staircase(held_ids UUID[], informed_ids UUID[], steps_ids UUID[],
                                           accompanied_ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, w INTEGER, shared BOOLEAN,
               recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH months AS (
        SELECT q.person, q.line, q.structure_id, CAST(date_trunc('month', q.a) AS DATE) AS a,
               CASE WHEN q.b = 'infinity' THEN q.b ELSE CAST(date_trunc('month', q.b) AS DATE) END AS b, q.recorded
        FROM ${schema}.member_quadrants(held_ids, informed_ids, steps_ids, accompanied_ids) q
    ),
    widest AS (
        SELECT m.person, m.line, m.structure_id, m.a, max(m.b) AS b, max(m.recorded) AS recorded
        FROM months m GROUP BY m.person, m.line, m.structure_id, m.a
    ),
    steps AS (
        SELECT x.*, lead(x.a) OVER (PARTITION BY x.person, x.line, x.structure_id ORDER BY x.a) AS next_a,
               min(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line)
                   <> max(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line) AS shared
        FROM (SELECT y.*, max(y.b) OVER (PARTITION BY y.person, y.line, y.structure_id ORDER BY y.a
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
              FROM widest y) x
        WHERE x.before IS NULL OR x.b > x.before
    )
    SELECT person, line, structure_id, a, b, 1, shared, recorded FROM steps
    UNION ALL
    SELECT person, line, structure_id, next_a, b, -1, shared, recorded FROM steps WHERE next_a IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION ${schema}.member_staircase(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, w INTEGER, shared BOOLEAN,
               recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT s.* FROM ${schema}.member_staircase(ids, ids, ids, ids) s
$$;

-- V8's fold; the people's items recomputed and read for the groups of lines noted only.
CREATE OR REPLACE FUNCTION ${schema}.fold_people() RETURNS VOID LANGUAGE plpgsql AS $$
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
    -- above, and folds take the generation's lock one after the other (V8's ON CONFLICT DO NOTHING checked every
    -- item that came against the index twice)
    INSERT INTO ${schema}.member_item
    SELECT x.* FROM unnest(came) x ORDER BY x.person, x.line, x.structure_id, x.a, x.b;
END
$$;
-- V12's reason: one generic plan per connection, every look-up by key (CREATE OR REPLACE dropped the setting)
ALTER FUNCTION ${schema}.fold_people() SET plan_cache_mode = force_generic_plan;

-- The notes of V5 and V7 with the group of lines each table can move; the CPF steps the items never read note
-- nobody. An UPDATE notes a row only when a column the items read changed, as before.
DO $migration$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('accompaniment', 'accompaniment_id', '%1$s.beneficiary_id', '%1$s.accompaniment_id', 'all', 'TRUE',
             'beneficiary_id, referent_id, structure_id, opened_on, opened_at, closed_on, closed_at'),
            ('accompaniment_level', 'event_id', '%1$s.beneficiary_id', '%1$s.accompaniment_id', 'held', 'TRUE',
             'accompaniment_id, beneficiary_id, referent_id, structure_id, level, service, from_date, recorded_at'),
            ('level1_contact', 'contact_id', 'coalesce(%1$s.beneficiary_id, %1$s.contact_id)', 'NULL::UUID', 'held',
             'TRUE', 'beneficiary_id, structure_id, contact_date'),
            ('cep_information', 'event_id', '%1$s.beneficiary_id', 'NULL::UUID', 'informed', 'TRUE',
             'beneficiary_id, informed_on'),
            ('cpf_step', 'event_id', '%1$s.beneficiary_id', 'NULL::UUID', 'steps',
             '%1$s.step IN (''PRESENTED'', ''OPENING_ASSISTED'', ''CONSENT'', ''PRESENTED_WITHDRAWN'', '
                 || '''OPENING_ASSISTED_WITHDRAWN'', ''CONSENT_WITHDRAWN'')',
             'beneficiary_id, step, step_on, modality')
        ) AS v (fact_table, pk, person, accompaniment, lines, counted, listened) LOOP
        EXECUTE format($function$
            CREATE OR REPLACE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO %1$I.people_change (person, accompaniment_id, lines)
                    SELECT %3$s, %4$s, %5$L FROM new_rows r WHERE %6$s;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO %1$I.people_change (person, accompaniment_id, lines)
                    SELECT %3$s, %4$s, %5$L FROM old_rows r WHERE %6$s;
                ELSE
                    INSERT INTO %1$I.people_change (person, accompaniment_id, lines)
                    SELECT p.person, p.accompaniment_id, %5$L
                    FROM old_rows o FULL JOIN new_rows n ON n.%7$I = o.%7$I,
                        LATERAL (VALUES (%8$s, %9$s), (%10$s, %11$s)) p (person, accompaniment_id)
                    WHERE ROW(%12$s) IS DISTINCT FROM ROW(%13$s) AND (%14$s OR %15$s)
                      AND (p.person IS NOT NULL OR p.accompaniment_id IS NOT NULL);
                END IF;
                IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
                    PERFORM %1$I.fold_people();
                END IF;
                RETURN NULL;
            END
            $body$
            $function$, '${schema}', t.fact_table || '_people_and_delays_note',
            format(t.person, 'r'), format(t.accompaniment, 'r'), t.lines, format(t.counted, 'r'), t.pk,
            format(t.person, 'o'), format(t.accompaniment, 'o'), format(t.person, 'n'), format(t.accompaniment, 'n'),
            (SELECT string_agg('o.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c),
            (SELECT string_agg('n.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c),
            format(t.counted, 'o'), format(t.counted, 'n'));
    END LOOP;
END
$migration$;

-- V3's notes of monthly_fact, an UPDATE's unchanged contributions left out (see the top of this file).
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
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded FROM (
                        SELECT x.* FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                        EXCEPT ALL SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                    ) o
                    UNION ALL
                    SELECT x.* FROM (
                        SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                        EXCEPT ALL SELECT x.* FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                    ) x;
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

-- V6's fold, the same two statements, planned once per connection.
CREATE OR REPLACE FUNCTION ${schema}.fold_funding_projects(ids UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.funding_project p WHERE p.project_id = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM ${schema}.funding_decision f WHERE f.project_id = p.project_id);
    INSERT INTO ${schema}.funding_project AS t (project_id, structure_id, first_on, new_fe, recorded_max)
    -- the key's filter again outside: funding_projects() also serves a refresh (ids NULL), which a plan made once
    -- cannot tell apart; with it the decisions are read by project through their index in any plan
    SELECT x.* FROM ${schema}.funding_projects(ids) x WHERE x.project_id = ANY(ids) ORDER BY x.project_id
    ON CONFLICT (project_id) DO UPDATE
    SET structure_id = excluded.structure_id, first_on = excluded.first_on, new_fe = excluded.new_fe,
        recorded_max = excluded.recorded_max
    WHERE (t.structure_id, t.first_on, t.new_fe, t.recorded_max)
          IS DISTINCT FROM (excluded.structure_id, excluded.first_on, excluded.new_fe, excluded.recorded_max);
END
$$;
ALTER FUNCTION ${schema}.fold_funding_projects(UUID[]) SET plan_cache_mode = force_generic_plan;
