-- Counsellors delivering CEP kept per accompaniment, not per counsellor's whole caseload.
--
-- Since V4 a counsellor was a person of member_item on the line 'referent': one staircase per counsellor and
-- structure over every accompaniment and level they were ever referent of. Any change of an accompaniment or of one of
-- its levels recomputed that staircase for each referent of its levels, reading the counsellor's whole caseload: in a
-- rebuild's batch of 5,000 events nearly every counsellor is touched, so each batch read again every accompaniment
-- projected so far (the largest part of the people's fold, the rebuild ~17-18 % slower for the people's and delays'
-- upkeep; bench/README.md). Yet the indicator only asks whether a counsellor was referent of something active in
-- the period at a structure of the scope: an existence, which needs no staircase. referent_item keeps, per
-- accompaniment, its referents' periods in whole months as they are (the accompaniment from opening to closure for
-- its referent, each level held for the level's referent: member_quadrants' rules of V4), so a change of an
-- accompaniment or of a level recomputes the rows of that accompaniment only, whatever the caseloads.
--
-- A period P of whole months meets a quadrant (a, b) in days exactly when month(a) <= P's end and month(b) >= P's
-- start: counsellors-delivering-cep.sql asks for one row of referent_item meeting P. "As of now" still holds while
-- nothing these rows rest on was recorded after asOf (referent_item_recorded, read beside member_item's).
--
-- The counsellors' rows leave member_item: member_quadrants no longer gives the line 'referent', the accompaniments'
-- and levels' triggers note the beneficiary and the accompaniment (no longer the referent as a person), and
-- fold_people() recomputes the items of the people noted and the referent rows of the accompaniments noted. The
-- indexes by referent of V4 served only the caseload look-ups: they go (two fewer index entries per row written).
CREATE TABLE ${schema}.referent_item (
    accompaniment_id UUID        NOT NULL,
    referent_id      UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    a                DATE        NOT NULL,
    b                DATE        NOT NULL,
    recorded         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (accompaniment_id, referent_id, structure_id, a, b)
);
-- the indicator's look-up: one counsellor's rows by their first month
CREATE INDEX referent_item_referent ON ${schema}.referent_item (referent_id, a);
CREATE INDEX referent_item_recorded ON ${schema}.referent_item (recorded);

DROP INDEX ${schema}.accompaniment_referent;
DROP INDEX ${schema}.accompaniment_level_referent;

-- The referents' quadrants of the given accompaniments in whole months (b 'infinity' while open), one row per
-- distinct quadrant with the latest recording it rests on: V4's rules for the line 'referent' (member_quadrants),
-- per accompaniment.
CREATE FUNCTION ${schema}.referent_quadrants(accompaniments UUID[])
RETURNS TABLE (accompaniment_id UUID, referent_id UUID, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH acc AS (
        SELECT x.accompaniment_id, x.referent_id, x.structure_id, x.opened_on AS a,
               CASE WHEN x.closed_at IS NULL THEN 'infinity'::DATE ELSE x.closed_on END AS b,
               greatest(x.opened_at, x.closed_at) AS recorded
        FROM ${schema}.accompaniment x
        WHERE x.accompaniment_id = ANY(accompaniments)
          AND x.opened_at IS NOT NULL AND x.opened_on IS NOT NULL AND x.referent_id IS NOT NULL
    ),
    -- every level of the accompaniments: a level lasts until the next one, whoever its referent
    levels AS (
        SELECT l.referent_id, l.accompaniment_id, l.structure_id, l.from_date,
               lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                   AS next_from,
               -- a level's end rests on the levels after it
               max(l.recorded_at) OVER (PARTITION BY l.accompaniment_id) AS recorded_at
        FROM ${schema}.accompaniment_level l
        WHERE l.accompaniment_id = ANY(accompaniments)
    ),
    held AS (
        SELECT lv.accompaniment_id, lv.referent_id, lv.structure_id, lv.from_date AS a,
               least(coalesce(lv.next_from - 1, 'infinity'::DATE),
                     CASE WHEN c.closed_at IS NULL THEN 'infinity'::DATE
                          ELSE coalesce(c.closed_on, 'infinity'::DATE) END) AS b,
               greatest(lv.recorded_at, c.closed_at) AS recorded
        FROM levels lv LEFT JOIN ${schema}.accompaniment c ON c.accompaniment_id = lv.accompaniment_id
        WHERE (lv.next_from IS NULL OR lv.next_from > lv.from_date) AND lv.referent_id IS NOT NULL
    ),
    quadrants AS (
        SELECT q.accompaniment_id, q.referent_id, q.structure_id, q.a, q.b, q.recorded FROM acc q WHERE q.b IS NOT NULL
        UNION ALL SELECT h.accompaniment_id, h.referent_id, h.structure_id, h.a, h.b, h.recorded FROM held h
    )
    SELECT q.accompaniment_id, q.referent_id, q.structure_id, CAST(date_trunc('month', q.a) AS DATE),
           CASE WHEN q.b = 'infinity' THEN q.b ELSE CAST(date_trunc('month', q.b) AS DATE) END, max(q.recorded)
    FROM quadrants q GROUP BY 1, 2, 3, 4, 5
$$;

-- V4's quadrants without the line 'referent': the people's lines only, looked up by beneficiary.
CREATE OR REPLACE FUNCTION ${schema}.member_quadrants(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH who AS (SELECT DISTINCT unnest(ids) AS id),
    active AS (
        SELECT x.beneficiary_id AS person, x.structure_id, x.opened_on AS a,
               CASE WHEN x.closed_at IS NULL THEN 'infinity'::DATE ELSE x.closed_on END AS b,
               greatest(x.opened_at, x.closed_at) AS recorded
        FROM ${schema}.accompaniment x
        WHERE x.beneficiary_id IN (SELECT id FROM who)
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
                                     WHERE y.beneficiary_id IN (SELECT id FROM who))
    ),
    held AS (
        SELECT lv.person, lv.structure_id, lv.level, lv.service, lv.from_date AS a,
               least(coalesce(lv.next_from - 1, 'infinity'::DATE),
                     CASE WHEN c.closed_at IS NULL THEN 'infinity'::DATE
                          ELSE coalesce(c.closed_on, 'infinity'::DATE) END) AS b,
               greatest(lv.recorded_at, c.closed_at) AS recorded
        FROM levels lv LEFT JOIN ${schema}.accompaniment c ON c.accompaniment_id = lv.accompaniment_id
        WHERE (lv.next_from IS NULL OR lv.next_from > lv.from_date) AND lv.person IN (SELECT id FROM who)
    ),
    l1 AS (
        SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id, c.contact_date AS a,
               c.contact_date AS b, c.recorded_at AS recorded
        FROM ${schema}.level1_contact c WHERE coalesce(c.beneficiary_id, c.contact_id) IN (SELECT id FROM who)
    ),
    informed AS (
        SELECT i.beneficiary_id AS person, min(i.informed_on) AS since, max(i.recorded_at) AS recorded
        FROM ${schema}.cep_information i WHERE i.beneficiary_id IN (SELECT id FROM who) GROUP BY i.beneficiary_id
    ),
    -- a step counts from its date to the day before its first withdrawal on or after it
    steps AS (
        SELECT s.beneficiary_id AS person, s.step, s.modality, s.step_on AS a,
               coalesce(w.on_day - 1, 'infinity'::DATE) AS b, greatest(s.recorded_at, w.at) AS recorded
        FROM ${schema}.cpf_step s
        LEFT JOIN LATERAL (SELECT min(x.step_on) AS on_day, max(x.recorded_at) AS at FROM ${schema}.cpf_step x
                           WHERE x.beneficiary_id = s.beneficiary_id AND x.step = s.step || '_WITHDRAWN'
                             AND x.step_on >= s.step_on) w ON TRUE
        WHERE s.beneficiary_id IN (SELECT id FROM who) AND s.step IN ('PRESENTED', 'OPENING_ASSISTED', 'CONSENT')
    )
    SELECT person, 'all', structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'level-' || level, structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'service-' || service, structure_id, a, b, recorded FROM held WHERE service IS NOT NULL
    UNION ALL SELECT person, 'all', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'level-1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'l1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'accompanied', structure_id, a, b, recorded FROM active
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

-- V5's fold, the referents apart: the items of the people noted recomputed as before, the counters moved and the
-- items written for those that changed only; the referent rows of the accompaniments noted recomputed from those
-- accompaniments alone, only the rows that changed written.
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
    -- Most of the items recomputed are those already kept (a batch changes a few lines of each person it notes): the
    -- counters move by the items that went and came only, and only those are written. V5 took the moves of every
    -- item before and after and probed every item after for a conflict, a third of the fold's time.
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
    -- a counter back to zero goes, as a recomputation would never write it
    DELETE FROM ${schema}.member_month t
    USING unnest(zero_lines, zero_months, zero_structures) AS z (line, month, structure_id)
    WHERE t.line = z.line AND t.month = z.month AND t.structure_id = z.structure_id AND t.starts = 0 AND t.ends = 0;
    -- by key: an item whose count, sharing or recording changed goes and comes back
    DELETE FROM ${schema}.member_item m USING unnest(gone) g
    WHERE m.person = g.person AND m.line = g.line AND m.structure_id = g.structure_id AND m.a = g.a AND m.b = g.b;
    INSERT INTO ${schema}.member_item
    SELECT x.* FROM unnest(came) x ORDER BY x.person, x.line, x.structure_id, x.a, x.b
    ON CONFLICT DO NOTHING;
END
$$;

-- The accompaniments' and levels' notes (V5's template): the beneficiary with the accompaniment, no referent as a
-- person; the accompaniment's referents come from its own rows at the fold.
DO $migration$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('accompaniment', 'accompaniment_id',
             'beneficiary_id, referent_id, structure_id, opened_on, opened_at, closed_on, closed_at'),
            ('accompaniment_level', 'event_id',
             'accompaniment_id, beneficiary_id, referent_id, structure_id, level, service, from_date, recorded_at')
        ) AS v (fact_table, pk, listened) LOOP
        EXECUTE format($function$
            CREATE OR REPLACE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO %1$I.people_change SELECT r.beneficiary_id, r.accompaniment_id FROM new_rows r;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO %1$I.people_change SELECT r.beneficiary_id, r.accompaniment_id FROM old_rows r;
                ELSE
                    INSERT INTO %1$I.people_change
                    SELECT p.* FROM old_rows o FULL JOIN new_rows n ON n.%3$I = o.%3$I,
                        LATERAL (VALUES (o.beneficiary_id, o.accompaniment_id), (n.beneficiary_id, n.accompaniment_id))
                            p (person, accompaniment_id)
                    WHERE ROW(%4$s) IS DISTINCT FROM ROW(%5$s)
                      AND (p.person IS NOT NULL OR p.accompaniment_id IS NOT NULL);
                END IF;
                IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
                    PERFORM %1$I.fold_people();
                END IF;
                RETURN NULL;
            END
            $body$
            $function$, '${schema}', t.fact_table || '_people_and_delays_note', t.pk,
            (SELECT string_agg('o.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c),
            (SELECT string_agg('n.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c));
    END LOOP;
END
$migration$;

-- V4's recomputation, the referent rows beside the people's items.
CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.delay_day, ${schema}.referent_item;
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ARRAY(
        SELECT beneficiary_id FROM ${schema}.accompaniment
        UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
        UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact)) s;
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    FROM ${schema}.member_item item, ${schema}.member_moves(item) x
    GROUP BY x.line, x.month, x.structure_id HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0;
    INSERT INTO ${schema}.referent_item
    SELECT q.* FROM ${schema}.referent_quadrants(ARRAY(
        SELECT accompaniment_id FROM ${schema}.accompaniment
        UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level)) q;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
END
$$;

-- the counsellors' rows move from member_item (no counter of theirs: member_moves never counted the line) to
-- referent_item
DELETE FROM ${schema}.member_item WHERE line = 'referent';
INSERT INTO ${schema}.referent_item
SELECT q.* FROM ${schema}.referent_quadrants(ARRAY(
    SELECT accompaniment_id FROM ${schema}.accompaniment
    UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level)) q;
