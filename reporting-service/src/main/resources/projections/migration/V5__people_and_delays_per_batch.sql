-- The people's items and the delays' histogram (V4) kept the way V3 keeps monthly_fact: noted per statement, folded
-- once per projection batch.
--
-- V4's fold trigger ran for every row: a person's items were recomputed at each change of one of their facts, and an
-- accompaniment's or a level's change recomputed the items of every referent of its levels (a counsellor's whole
-- caseload) — within one batch, the same people and the same counsellors again and again. Now statement-level
-- triggers over the transition tables only note whom a statement touched (people_change: the person, and for an
-- accompaniment or a level its accompaniment, whose levels' referents are looked up at the fold) and what a
-- funding decision adds to the histogram (delay_day_change); fold_people() recomputes the items of everyone noted in
-- one statement and moves the counters by the difference, fold_delays() adds the noted contributions, each row once.
-- The rows are those V4 keeps: member_item is a function of the facts (member_staircase, unchanged), member_month
-- the sum of its items' moves; a counter back to zero goes (V4 removed those its old items touched, a recomputation
-- writes none); delay_day takes each changed decision's contribution netted per decision as V4 did, so n and
-- recorded_max come out as V4's whatever the batches.
--
-- A projection batch folds once, before its commit (fold_pre_aggregates(), reporting.monthly_fact_fold = 'batch'
-- for its transaction, GenerationProjection); any other statement folds at its end, as V4 did after every row.
-- Two instances of the service may fold the same people at once (a person's CEP and CPF events on partitions read
-- by different instances): the counters move by the difference from the items read, so folds of one generation take
-- a transaction lock first and read what the previous fold committed.
DROP TRIGGER accompaniment_people ON ${schema}.accompaniment;
DROP TRIGGER accompaniment_level_people ON ${schema}.accompaniment_level;
DROP TRIGGER level1_contact_people ON ${schema}.level1_contact;
DROP TRIGGER cep_information_people ON ${schema}.cep_information;
DROP TRIGGER cpf_step_people ON ${schema}.cpf_step;
DROP TRIGGER funding_decision_delays ON ${schema}.funding_decision;
DROP FUNCTION ${schema}.people_and_delays_fold();
DROP FUNCTION ${schema}.fold_members(UUID[]);

-- rows live within one transaction, as monthly_fact_change's: no index, no WAL
CREATE UNLOGGED TABLE ${schema}.people_change (
    person           UUID,
    accompaniment_id UUID
);

CREATE UNLOGGED TABLE ${schema}.delay_day_change (
    month        DATE,
    structure_id UUID,
    funder       TEXT,
    delay_days   INTEGER,
    n            BIGINT,
    recorded     TIMESTAMPTZ
);

-- one lock per generation, in its own key space (the two-key form): folds of a generation one after the other
CREATE FUNCTION ${schema}.lock_pre_aggregates() RETURNS VOID LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('pre-aggregates'), hashtext('${schema}'));
$$;

-- Everyone noted (and the referents of every level of the accompaniments noted) gets their items recomputed from the
-- facts as they stand, all in one statement; the counters take back the old items' moves and add the new ones',
-- netted first; only the items that changed are written.
CREATE FUNCTION ${schema}.fold_people() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    ids UUID[];
    before ${schema}.member_item[];
    after ${schema}.member_item[];
    zero_lines TEXT[];
    zero_months DATE[];
    zero_structures UUID[];
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    WITH noted AS (DELETE FROM ${schema}.people_change RETURNING person, accompaniment_id)
    SELECT coalesce(array_agg(x.id ORDER BY x.id), '{}') INTO ids FROM (
        SELECT n.person AS id FROM noted n WHERE n.person IS NOT NULL
        UNION
        SELECT l.referent_id FROM ${schema}.accompaniment_level l
        WHERE l.referent_id IS NOT NULL
          AND l.accompaniment_id IN (SELECT n.accompaniment_id FROM noted n WHERE n.accompaniment_id IS NOT NULL)
    ) x;
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    SELECT coalesce(array_agg(m), '{}') INTO before FROM ${schema}.member_item m WHERE m.person = ANY(ids);
    SELECT coalesce(array_agg(ROW(s.person, s.line, s.structure_id, s.a, s.b, s.w, s.shared, s.recorded)
                              ::${schema}.member_item), '{}') INTO after
    FROM ${schema}.member_staircase(ids) s;
    -- only a counter this moves can come back to zero: the upsert says which (a third of the fold's time went into
    -- looking up every counter the items touch)
    WITH moved AS (
        INSERT INTO ${schema}.member_month AS t (line, month, structure_id, starts, ends)
        SELECT c.line, c.month, c.structure_id, sum(c.starts), sum(c.ends) FROM (
            SELECT o.line, o.month, o.structure_id, -o.starts AS starts, -o.ends AS ends
            FROM unnest(before) AS old_item, ${schema}.member_moves(old_item) o
            UNION ALL SELECT x.* FROM unnest(after) AS new_item, ${schema}.member_moves(new_item) x
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
    DELETE FROM ${schema}.member_item m
    WHERE m.person = ANY(ids)
      AND (m.person, m.line, m.structure_id, m.a, m.b, m.w, m.shared, m.recorded) NOT IN (
          SELECT x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded FROM unnest(after) x);
    -- what is left of these people's items is in after, whole rows: the rest of after is new
    INSERT INTO ${schema}.member_item
    SELECT x.* FROM unnest(after) x ORDER BY x.person, x.line, x.structure_id, x.a, x.b
    ON CONFLICT DO NOTHING;
END
$$;

-- Every key noted is written, even when the batch's contributions net to nothing, as V4 wrote each decision's.
CREATE FUNCTION ${schema}.fold_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    WITH noted AS (DELETE FROM ${schema}.delay_day_change RETURNING *)
    INSERT INTO ${schema}.delay_day AS t (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT c.month, c.structure_id, c.funder, c.delay_days, sum(c.n), max(c.recorded) FROM noted c
    GROUP BY c.month, c.structure_id, c.funder, c.delay_days
    ORDER BY c.month, c.structure_id, c.funder, c.delay_days
    ON CONFLICT (month, structure_id, funder, delay_days) DO UPDATE
    SET n = t.n + excluded.n, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
END
$$;

-- What a projection batch calls once before its commit. The lock comes first: a batch holding pre-aggregate rows
-- never waits for it.
CREATE FUNCTION ${schema}.fold_pre_aggregates() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    PERFORM ${schema}.fold_monthly_facts();
    PERFORM ${schema}.fold_people();
    PERFORM ${schema}.fold_delays();
END
$$;

-- The people a statement touched, per table (V4's rules): the beneficiary, or the anonymous contact, before and after
-- the change; for an accompaniment or a level also its referent and its accompaniment (the referents of all its
-- levels: a level ends where the next begins, and at the closure). An UPDATE notes a row only when a column V4's
-- trigger listened to changed (a contact routed, an interview's accompaniment untouched: nobody to recompute).
-- One function per table from one template, static statements as in V3.
DO $migration$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('accompaniment', 'accompaniment_id',
             '(%1$s.beneficiary_id, %1$s.accompaniment_id), (%1$s.referent_id, NULL::UUID)',
             'beneficiary_id, referent_id, structure_id, opened_on, opened_at, closed_on, closed_at'),
            ('accompaniment_level', 'event_id',
             '(%1$s.beneficiary_id, %1$s.accompaniment_id), (%1$s.referent_id, NULL::UUID)',
             'accompaniment_id, beneficiary_id, referent_id, structure_id, level, service, from_date, recorded_at'),
            ('level1_contact', 'contact_id',
             '(coalesce(%1$s.beneficiary_id, %1$s.contact_id), NULL::UUID)',
             'beneficiary_id, structure_id, contact_date'),
            ('cep_information', 'event_id', '(%1$s.beneficiary_id, NULL::UUID)', 'beneficiary_id, informed_on'),
            ('cpf_step', 'event_id', '(%1$s.beneficiary_id, NULL::UUID)', 'beneficiary_id, step, step_on, modality')
        ) AS v (fact_table, pk, touched, listened) LOOP
        EXECUTE format($function$
            CREATE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO %1$I.people_change SELECT p.* FROM new_rows r, LATERAL (VALUES %3$s) p;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO %1$I.people_change SELECT p.* FROM old_rows r, LATERAL (VALUES %3$s) p;
                ELSE
                    INSERT INTO %1$I.people_change
                    SELECT p.* FROM old_rows o FULL JOIN new_rows n ON n.%5$I = o.%5$I,
                        LATERAL (VALUES %4$s, %6$s) p (person, accompaniment_id)
                    WHERE ROW(%7$s) IS DISTINCT FROM ROW(%8$s)
                      AND (p.person IS NOT NULL OR p.accompaniment_id IS NOT NULL);
                END IF;
                IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
                    PERFORM %1$I.fold_people();
                END IF;
                RETURN NULL;
            END
            $body$
            $function$, '${schema}', t.fact_table || '_people_and_delays_note', format(t.touched, 'r'),
            format(t.touched, 'o'), t.pk, format(t.touched, 'n'),
            (SELECT string_agg('o.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c),
            (SELECT string_agg('n.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c));
    END LOOP;
END
$migration$;

-- A decision's contribution to the histogram, netted per decision as V4's row trigger netted it: a change that does
-- not move its delay's count notes nothing.
CREATE FUNCTION ${schema}.funding_decision_people_and_delays_note() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ${schema}.delay_day_change
        SELECT CAST(date_trunc('month', r.decided_on) AS DATE), r.structure_id, r.funder, r.delay_days, 1,
               r.recorded_at
        FROM new_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO ${schema}.delay_day_change
        SELECT CAST(date_trunc('month', r.decided_on) AS DATE), r.structure_id, r.funder, r.delay_days, -1,
               r.recorded_at
        FROM old_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL;
    ELSE
        INSERT INTO ${schema}.delay_day_change
        SELECT c.month, c.structure_id, c.funder, c.delay_days, sum(c.n), max(c.recorded) FROM (
            SELECT r.event_id, CAST(date_trunc('month', r.decided_on) AS DATE) AS month, r.structure_id, r.funder,
                   r.delay_days, -1 AS n, r.recorded_at AS recorded
            FROM old_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL
            UNION ALL
            SELECT r.event_id, CAST(date_trunc('month', r.decided_on) AS DATE), r.structure_id, r.funder,
                   r.delay_days, 1, r.recorded_at
            FROM new_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL
        ) c
        GROUP BY c.event_id, c.month, c.structure_id, c.funder, c.delay_days HAVING sum(c.n) <> 0;
    END IF;
    IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
        PERFORM ${schema}.fold_delays();
    END IF;
    RETURN NULL;
END
$$;

-- Transition tables need single-event triggers without a column list (V3): three per table.
DO $migration$
DECLARE
    fact_table TEXT;
    op TEXT;
BEGIN
    FOREACH fact_table IN ARRAY ARRAY['accompaniment', 'accompaniment_level', 'level1_contact', 'cep_information',
            'cpf_step', 'funding_decision'] LOOP
        FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
            EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I.%I REFERENCING %s FOR EACH STATEMENT '
                    || 'EXECUTE FUNCTION %I.%I()', fact_table || '_people_and_delays_' || lower(op), op, '${schema}',
                    fact_table, CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                                        WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                                        ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
                    '${schema}', fact_table || '_people_and_delays_note');
        END LOOP;
    END LOOP;
END
$migration$;
