-- Structures with new financial engineering "as of now" from monthly_fact, like the other counts by business date;
-- and the people's counters read by structure.
--
-- At one structure's or one region's scope, the set members (indicators/sets/members.sql) read every structure's
-- counters and inverted items and kept the scope's afterwards (157 ms for one structure at 100,000 people, where its
-- own rows take 9 ms): indexes led by the structure let it read only its own.
CREATE INDEX member_month_structure ON ${schema}.member_month (structure_id, month);
CREATE INDEX member_item_inverted_structure ON ${schema}.member_item (structure_id, b) WHERE a > b;
--
-- A training project counts in the month of its first funding decision, at its structure, if any of its decisions
-- marks new financial engineering: a fact of the project, not of one decision row, so that monthly_fact cannot take
-- it from funding_decision's own contributions. funding_project holds each project as its decisions make it now
-- (recomputed for the projects a statement on funding_decision touched, in that statement), and contributes to
-- monthly_fact through the same noting and folding as the fact tables of V3 ('new-fe-project': one per engineered
-- project). Before, the indicator grouped every decision ever recorded by project at each request.
--
-- The project's structure is the one of its earliest decision (the projections never move a project between
-- structures; the rule only makes the choice deterministic). recorded_max, the latest recording among its decisions:
-- the project as it stands rests on all of them, so "as of" an earlier instant takes the exact path.
CREATE TABLE ${schema}.funding_project (
    project_id   UUID PRIMARY KEY,
    structure_id UUID        NOT NULL,
    first_on     DATE        NOT NULL,
    new_fe       BOOLEAN     NOT NULL,
    recorded_max TIMESTAMPTZ NOT NULL
);

-- The projects of ids as their decisions make them (all of them when ids is NULL: a refresh).
CREATE FUNCTION ${schema}.funding_projects(ids UUID[])
RETURNS TABLE (project_id UUID, structure_id UUID, first_on DATE, new_fe BOOLEAN, recorded_max TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT f.project_id, (array_agg(f.structure_id ORDER BY f.decided_on, f.recorded_at, f.event_id))[1],
           min(f.decided_on), bool_or(f.new_fe), max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE ids IS NULL OR f.project_id = ANY(ids)
    GROUP BY f.project_id
$$;

CREATE FUNCTION ${schema}.funding_project_contributions(p ${schema}.funding_project)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT p.structure_id, CAST(date_trunc('month', p.first_on) AS DATE), 'new-fe-project', NULL, 1::BIGINT,
           0::BIGINT, p.recorded_max
    WHERE p.new_fe
$$;

-- A statement's projects recomputed: gone when no decision is left, written only when they change (an unchanged
-- project notes nothing in monthly_fact_change).
CREATE FUNCTION ${schema}.fold_funding_projects(ids UUID[]) RETURNS VOID LANGUAGE sql AS $$
    DELETE FROM ${schema}.funding_project p WHERE p.project_id = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM ${schema}.funding_decision f WHERE f.project_id = p.project_id);
    INSERT INTO ${schema}.funding_project AS t (project_id, structure_id, first_on, new_fe, recorded_max)
    SELECT x.* FROM ${schema}.funding_projects(ids) x ORDER BY x.project_id
    ON CONFLICT (project_id) DO UPDATE
    SET structure_id = excluded.structure_id, first_on = excluded.first_on, new_fe = excluded.new_fe,
        recorded_max = excluded.recorded_max
    WHERE (t.structure_id, t.first_on, t.new_fe, t.recorded_max)
          IS DISTINCT FROM (excluded.structure_id, excluded.first_on, excluded.new_fe, excluded.recorded_max);
$$;

-- Statement-level over the transition tables, like V3's triggers: once per multi-row statement of the projection.
CREATE FUNCTION ${schema}.funding_decision_projects() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM ${schema}.fold_funding_projects(ARRAY(SELECT DISTINCT r.project_id FROM new_rows r));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ${schema}.fold_funding_projects(ARRAY(SELECT DISTINCT r.project_id FROM old_rows r));
    ELSE
        PERFORM ${schema}.fold_funding_projects(ARRAY(SELECT r.project_id FROM new_rows r
                                                      UNION SELECT r.project_id FROM old_rows r));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER funding_decision_projects_insert AFTER INSERT ON ${schema}.funding_decision
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.funding_decision_projects();
CREATE TRIGGER funding_decision_projects_update AFTER UPDATE ON ${schema}.funding_decision
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.funding_decision_projects();
CREATE TRIGGER funding_decision_projects_delete AFTER DELETE ON ${schema}.funding_decision
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.funding_decision_projects();

-- funding_project's contributions noted and folded as V3 does for the fact tables (same template, one table).
CREATE FUNCTION ${schema}.funding_project_monthly_fact_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO ${schema}.monthly_fact_change
        SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded
        FROM old_rows r, ${schema}.funding_project_contributions(CAST(ROW(r.*) AS ${schema}.funding_project)) o;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO ${schema}.monthly_fact_change
        SELECT x.* FROM new_rows r, ${schema}.funding_project_contributions(CAST(ROW(r.*) AS ${schema}.funding_project)) x;
    END IF;
    IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
        PERFORM ${schema}.fold_monthly_facts();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER funding_project_monthly_fact_insert AFTER INSERT ON ${schema}.funding_project
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.funding_project_monthly_fact_change();
CREATE TRIGGER funding_project_monthly_fact_update AFTER UPDATE ON ${schema}.funding_project
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.funding_project_monthly_fact_change();
CREATE TRIGGER funding_project_monthly_fact_delete AFTER DELETE ON ${schema}.funding_project
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.funding_project_monthly_fact_change();

-- The recomputation of before (V2's, or whichever migration replaced it since) kept under another name, the projects
-- recomputed first and their contributions added after it. PL/pgSQL: each statement's triggers have run when the
-- next one starts; what they noted is then obsolete (everything is recomputed from the facts), whatever the fold
-- mode of the transaction.
ALTER FUNCTION ${schema}.refresh_monthly_facts() RENAME TO refresh_fact_table_contributions;
CREATE FUNCTION ${schema}.refresh_monthly_facts() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.funding_project;
    INSERT INTO ${schema}.funding_project SELECT x.* FROM ${schema}.funding_projects(NULL) x;
    DELETE FROM ${schema}.monthly_fact_change;
    PERFORM ${schema}.refresh_fact_table_contributions();
    INSERT INTO ${schema}.monthly_fact (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded)
    FROM ${schema}.funding_project p, ${schema}.funding_project_contributions(p) c
    GROUP BY c.structure_id, c.month, c.fact, c.key;
END
$$;

SELECT ${schema}.refresh_monthly_facts();
