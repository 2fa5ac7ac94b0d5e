-- monthly_fact kept once per statement and folded once per projection batch, instead of an upsert per fact row.
--
-- V2 upserted the monthly_fact row of each change as it happened: within a projection batch of thousands of events
-- the same few hundred rows (one per structure, month and fact) were updated again and again, each time a new row
-- version and new index entries that the next upsert had to walk past, and a PL/pgSQL call per fact row. Now a
-- statement's triggers only note the contributions of the rows it changed (old ones taken back, new ones added) in
-- monthly_fact_change, a table without index or WAL, and fold_monthly_facts() moves what is noted into monthly_fact
-- in one statement, each row once. A projection batch folds once, before its commit (it sets
-- reporting.monthly_fact_fold to 'batch' for its transaction, GenerationProjection); any other statement (a
-- correction, a test) folds at its end, so monthly_fact is up to date after every statement as before.
DROP TRIGGER accompaniment_monthly_fact ON ${schema}.accompaniment;
DROP TRIGGER action_monthly_fact ON ${schema}.action;
DROP TRIGGER training_outcome_monthly_fact ON ${schema}.training_outcome;
DROP TRIGGER training_project_monthly_fact ON ${schema}.training_project;
DROP TRIGGER funding_decision_monthly_fact ON ${schema}.funding_decision;
DROP TRIGGER beneficiary_monthly_fact ON ${schema}.beneficiary;
DROP FUNCTION ${schema}.monthly_fact_trigger();

-- rows live within one transaction: lost in a crash, they are lost with the transaction that wrote them
CREATE UNLOGGED TABLE ${schema}.monthly_fact_change (
    structure_id UUID,
    month        DATE,
    fact         TEXT,
    key          TEXT,
    n            BIGINT,
    m            BIGINT,
    recorded     TIMESTAMPTZ
);

-- Every row touched is written, even when its changes net to nothing: monthly_fact is then the same whatever the
-- batches were (a rebuild's large ones, the live channel's small ones), row for row. Rows are written in key order
-- so that two transactions folding the same rows lock them in the same order.
CREATE FUNCTION ${schema}.fold_monthly_facts() RETURNS VOID LANGUAGE sql AS $$
    WITH noted AS (DELETE FROM ${schema}.monthly_fact_change RETURNING *)
    INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM noted c
    GROUP BY c.fact, c.month, c.structure_id, c.key
    ORDER BY c.fact, c.month, c.structure_id, c.key
    ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
    SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
$$;

-- One trigger function per fact table, from one template (the row types differ; static statements keep their plans
-- for the session, a dynamic EXECUTE would plan at every call). Statement-level triggers over the transition tables:
-- the projections' inserts reach the server as multi-row statements (reWriteBatchedInserts), so a trigger runs once
-- for up to 128 fact rows instead of once per row. PostgreSQL allows transition tables on single-event triggers
-- without a column list only: one trigger per event, and every UPDATE of beneficiary runs it (its rows changed
-- without moving a count net to nothing).
DO $migration$
DECLARE
    fact_table TEXT;
BEGIN
    FOREACH fact_table IN ARRAY ARRAY['accompaniment', 'action', 'training_outcome', 'training_project',
            'funding_decision', 'beneficiary'] LOOP
        EXECUTE format($function$
            CREATE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded
                    FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) o;
                END IF;
                IF TG_OP <> 'DELETE' THEN
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
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I.%I REFERENCING NEW TABLE AS new_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION %I.%I()', fact_table || '_monthly_fact_insert', '${schema}',
            fact_table, '${schema}', fact_table || '_monthly_fact_change');
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I.%I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION %I.%I()', fact_table || '_monthly_fact_update', '${schema}',
            fact_table, '${schema}', fact_table || '_monthly_fact_change');
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I.%I REFERENCING OLD TABLE AS old_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION %I.%I()', fact_table || '_monthly_fact_delete', '${schema}',
            fact_table, '${schema}', fact_table || '_monthly_fact_change');
    END LOOP;
END
$migration$;
