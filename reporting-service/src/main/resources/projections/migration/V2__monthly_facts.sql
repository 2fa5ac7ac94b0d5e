-- Pre-aggregates for the indicators that count facts by their business date: per structure, month, fact and
-- breakdown key, how many (n) and how many of them meet the fact's second criterion (m: decision taken, funded by
-- the CPF). Periods are whole months, so "as of now" at national scope sums a few thousand rows instead of walking
-- the facts. recorded_max is the latest recording time among the facts counted in the row: a query "as of" an
-- earlier instant takes the exact path over the facts instead (IndicatorFacts).
--
-- What a fact row contributes is written once per table (the *_contributions functions). The triggers apply it to
-- every change of a fact row in the projection's own transaction (its old contribution taken back, its new one
-- added), whatever the statement: a correction moving a date moves the count. refresh_monthly_facts() recomputes
-- the whole table from the same functions: this migration, and the bulk loader of the benchmark, which writes the
-- facts with the triggers off.
CREATE TABLE ${schema}.monthly_fact (
    structure_id UUID        NOT NULL,
    month        DATE        NOT NULL,
    fact         TEXT        NOT NULL,
    key          TEXT,
    n            BIGINT      NOT NULL,
    m            BIGINT      NOT NULL,
    recorded_max TIMESTAMPTZ NOT NULL,
    CONSTRAINT monthly_fact_key UNIQUE NULLS NOT DISTINCT (fact, month, structure_id, key)
);
CREATE INDEX monthly_fact_recorded ON ${schema}.monthly_fact (recorded_max);

CREATE FUNCTION ${schema}.accompaniment_contributions(a ${schema}.accompaniment)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT a.structure_id, CAST(date_trunc('month', a.opened_on) AS DATE), 'opened', 'level-' || a.level, 1::BIGINT,
           0::BIGINT, a.opened_at
    WHERE a.opened_at IS NOT NULL AND a.opened_on IS NOT NULL
    UNION ALL
    SELECT a.structure_id, CAST(date_trunc('month', a.closed_on) AS DATE), 'closed', a.outcome, 1,
           CASE WHEN a.decision_taken THEN 1 ELSE 0 END, a.closed_at
    WHERE a.closed_at IS NOT NULL AND a.closed_on IS NOT NULL
$$;

CREATE FUNCTION ${schema}.action_contributions(a ${schema}.action)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT a.structure_id, CAST(date_trunc('month', d.on_day) AS DATE), lower(a.kind) || d.step,
           CASE a.kind WHEN 'PMSMP' THEN a.pmsmp_purpose WHEN 'ALTERNANCE' THEN a.alternance_contract END,
           1::BIGINT, 0::BIGINT, d.at
    FROM (VALUES ('-prescribed', a.planned_on, a.planned_at), ('-done', a.done_on, a.done_at)) AS d (step, on_day, at)
    WHERE d.at IS NOT NULL AND d.on_day IS NOT NULL
$$;

CREATE FUNCTION ${schema}.training_outcome_contributions(o ${schema}.training_outcome)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT o.structure_id, CAST(date_trunc('month', o.decided_on) AS DATE), 'not-implemented', NULL, 1::BIGINT,
           0::BIGINT, o.recorded_at
    UNION ALL
    SELECT o.structure_id, CAST(date_trunc('month', o.decided_on) AS DATE), 'not-implemented-reason', r, 1, 0,
           o.recorded_at
    FROM unnest(o.reasons) AS r
$$;

CREATE FUNCTION ${schema}.training_project_contributions(p ${schema}.training_project)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT p.structure_id, CAST(date_trunc('month', p.started_on) AS DATE), 'started', NULL, 1::BIGINT,
           CASE WHEN p.cpf_funded THEN 1 ELSE 0 END::BIGINT, p.started_at
    WHERE p.started_at IS NOT NULL AND p.started_on IS NOT NULL
$$;

CREATE FUNCTION ${schema}.funding_decision_contributions(f ${schema}.funding_decision)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT f.structure_id, CAST(date_trunc('month', f.decided_on) AS DATE), 'decision', f.decision, 1::BIGINT,
           0::BIGINT, f.recorded_at
    UNION ALL
    SELECT f.structure_id, CAST(date_trunc('month', f.decided_on) AS DATE), 'decision-funder', f.funder, 1, 0,
           f.recorded_at
$$;

CREATE FUNCTION ${schema}.beneficiary_contributions(b ${schema}.beneficiary)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT b.structure_id, CAST(date_trunc('month', b.exit_date) AS DATE), 'exit', b.exit_reason, 1::BIGINT,
           0::BIGINT, b.exit_recorded_at
    WHERE b.exit_recorded_at IS NOT NULL AND b.exit_date IS NOT NULL
    UNION ALL
    -- an entry counts with the profile it has now, once the person is registered
    SELECT b.structure_id, CAST(date_trunc('month', b.entry_date) AS DATE), 'entry', b.orientation_source, 1,
           CASE WHEN b.orientation_source = 'POLE_EMPLOI' THEN 1 ELSE 0 END,
           greatest(b.registered_at, b.profile_recorded_at)
    WHERE b.registered_at IS NOT NULL AND b.profile_recorded_at IS NOT NULL AND b.entry_date IS NOT NULL
$$;

-- The row's old contribution taken back and its new one added, in one statement, netted first: a change that moves
-- no count (a referent, a service) writes nothing. Static statements per table rather than a dynamic EXECUTE:
-- PL/pgSQL keeps their plans for the session. A row back to nothing stays, with n = 0, and counts nowhere.
CREATE FUNCTION ${schema}.monthly_fact_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'accompaniment' THEN
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
            SELECT o.structure_id, o.month, o.fact, o.key, -o.n AS n, -o.m AS m, o.recorded
            FROM ${schema}.accompaniment_contributions(OLD) o WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT x.* FROM ${schema}.accompaniment_contributions(NEW) x WHERE TG_OP <> 'DELETE'
        ) c
        GROUP BY c.structure_id, c.month, c.fact, c.key HAVING sum(c.n) <> 0 OR sum(c.m) <> 0
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    ELSIF TG_TABLE_NAME = 'action' THEN
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
            SELECT o.structure_id, o.month, o.fact, o.key, -o.n AS n, -o.m AS m, o.recorded
            FROM ${schema}.action_contributions(OLD) o WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT x.* FROM ${schema}.action_contributions(NEW) x WHERE TG_OP <> 'DELETE'
        ) c
        GROUP BY c.structure_id, c.month, c.fact, c.key HAVING sum(c.n) <> 0 OR sum(c.m) <> 0
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    ELSIF TG_TABLE_NAME = 'training_outcome' THEN
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
            SELECT o.structure_id, o.month, o.fact, o.key, -o.n AS n, -o.m AS m, o.recorded
            FROM ${schema}.training_outcome_contributions(OLD) o WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT x.* FROM ${schema}.training_outcome_contributions(NEW) x WHERE TG_OP <> 'DELETE'
        ) c
        GROUP BY c.structure_id, c.month, c.fact, c.key HAVING sum(c.n) <> 0 OR sum(c.m) <> 0
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    ELSIF TG_TABLE_NAME = 'training_project' THEN
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
            SELECT o.structure_id, o.month, o.fact, o.key, -o.n AS n, -o.m AS m, o.recorded
            FROM ${schema}.training_project_contributions(OLD) o WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT x.* FROM ${schema}.training_project_contributions(NEW) x WHERE TG_OP <> 'DELETE'
        ) c
        GROUP BY c.structure_id, c.month, c.fact, c.key HAVING sum(c.n) <> 0 OR sum(c.m) <> 0
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    ELSIF TG_TABLE_NAME = 'funding_decision' THEN
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
            SELECT o.structure_id, o.month, o.fact, o.key, -o.n AS n, -o.m AS m, o.recorded
            FROM ${schema}.funding_decision_contributions(OLD) o WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT x.* FROM ${schema}.funding_decision_contributions(NEW) x WHERE TG_OP <> 'DELETE'
        ) c
        GROUP BY c.structure_id, c.month, c.fact, c.key HAVING sum(c.n) <> 0 OR sum(c.m) <> 0
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    ELSIF TG_TABLE_NAME = 'beneficiary' THEN
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
            SELECT o.structure_id, o.month, o.fact, o.key, -o.n AS n, -o.m AS m, o.recorded
            FROM ${schema}.beneficiary_contributions(OLD) o WHERE TG_OP <> 'INSERT'
            UNION ALL SELECT x.* FROM ${schema}.beneficiary_contributions(NEW) x WHERE TG_OP <> 'DELETE'
        ) c
        GROUP BY c.structure_id, c.month, c.fact, c.key HAVING sum(c.n) <> 0 OR sum(c.m) <> 0
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER accompaniment_monthly_fact AFTER INSERT OR UPDATE OR DELETE ON ${schema}.accompaniment
    FOR EACH ROW EXECUTE FUNCTION ${schema}.monthly_fact_trigger();
CREATE TRIGGER action_monthly_fact AFTER INSERT OR UPDATE OR DELETE ON ${schema}.action
    FOR EACH ROW EXECUTE FUNCTION ${schema}.monthly_fact_trigger();
CREATE TRIGGER training_outcome_monthly_fact AFTER INSERT OR UPDATE OR DELETE ON ${schema}.training_outcome
    FOR EACH ROW EXECUTE FUNCTION ${schema}.monthly_fact_trigger();
CREATE TRIGGER training_project_monthly_fact AFTER INSERT OR UPDATE OR DELETE ON ${schema}.training_project
    FOR EACH ROW EXECUTE FUNCTION ${schema}.monthly_fact_trigger();
CREATE TRIGGER funding_decision_monthly_fact AFTER INSERT OR UPDATE OR DELETE ON ${schema}.funding_decision
    FOR EACH ROW EXECUTE FUNCTION ${schema}.monthly_fact_trigger();
-- the beneficiary row changes at every one of the person's events; only a change of its entry or exit moves a count
CREATE TRIGGER beneficiary_monthly_fact AFTER INSERT OR DELETE OR UPDATE OF structure_id, exit_date, exit_reason,
    exit_recorded_at, entry_date, orientation_source, registered_at, profile_recorded_at ON ${schema}.beneficiary
    FOR EACH ROW EXECUTE FUNCTION ${schema}.monthly_fact_trigger();

CREATE FUNCTION ${schema}.refresh_monthly_facts() RETURNS VOID LANGUAGE sql AS $$
    TRUNCATE ${schema}.monthly_fact;
    INSERT INTO ${schema}.monthly_fact (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
        SELECT x.* FROM ${schema}.accompaniment a, ${schema}.accompaniment_contributions(a) x
        UNION ALL SELECT x.* FROM ${schema}.action a, ${schema}.action_contributions(a) x
        UNION ALL SELECT x.* FROM ${schema}.training_outcome o, ${schema}.training_outcome_contributions(o) x
        UNION ALL SELECT x.* FROM ${schema}.training_project p, ${schema}.training_project_contributions(p) x
        UNION ALL SELECT x.* FROM ${schema}.funding_decision f, ${schema}.funding_decision_contributions(f) x
        UNION ALL SELECT x.* FROM ${schema}.beneficiary b, ${schema}.beneficiary_contributions(b) x
    ) c
    GROUP BY c.structure_id, c.month, c.fact, c.key;
$$;

SELECT ${schema}.refresh_monthly_facts();
