-- The live upkeep writes fewer index entries (#12: the pre-aggregates' upkeep lowered live ingestion by ~23 %, nearly
-- all of it PostgreSQL's work in the folds, bench/README.md). A fold updates a few hundred counters each time; an
-- update that changes no indexed column and finds room on its page is made in place (a HOT update: no new entry in
-- any index), one that changes an indexed column adds an entry to every index of the table.
--
-- 1. monthly_fact: every fold raised recorded_max, which an index of its own kept for one reader, the answers' "as of
--    now" check (max(recorded_max)): so every counter a fold moved got a new entry in both of the table's indexes. The
--    latest recording the table holds is kept beside it instead (pre_aggregate_recorded), in the fold's statement;
--    recorded_max is no longer indexed and the counters' updates stay on their page (room kept on the pages, as
--    member_month's since V13). monthly_fact's rows only go by a recomputation, so the latest recording the folds
--    have added is the table's max(recorded_max), exactly. (delay_day's fold moves a few rows: it keeps its index.)
-- 2. member_month: its key led by the line served the folds' look-ups only; the scoped and national reads go by
--    structure and month (indicators/sets/members.sql) through an index of their own. One key led by the structure
--    and month serves both: each new counter is inserted into one index instead of two. ON CONFLICT names the key's
--    columns, in any order: fold_people() is unchanged.
-- Run again on a schema that has it (a history rewritten), it changes nothing.

CREATE TABLE IF NOT EXISTS ${schema}.pre_aggregate_recorded (
    pre_aggregate TEXT PRIMARY KEY,
    recorded_max  TIMESTAMPTZ
);
INSERT INTO ${schema}.pre_aggregate_recorded (pre_aggregate) VALUES ('monthly_fact') ON CONFLICT DO NOTHING;

-- the latest recording the table holds, from its rows: after a recomputation, or rows written by other means
CREATE OR REPLACE FUNCTION ${schema}.recount_pre_aggregate_recorded() RETURNS VOID LANGUAGE sql AS $$
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = (SELECT max(f.recorded_max) FROM ${schema}.monthly_fact f)
    WHERE r.pre_aggregate = 'monthly_fact';
$$;
SELECT ${schema}.recount_pre_aggregate_recorded();

DROP INDEX IF EXISTS ${schema}.monthly_fact_recorded;
ALTER TABLE ${schema}.monthly_fact SET (fillfactor = 70);

-- B13's fold, the latest recording noted raising the table's in the same statement (a data-modifying CTE runs whole
-- whether or not the statement reads it). Every fold now writes that one row: it takes the generation's fold lock
-- first, as the other folds do (a statement outside a batch folding monthly_fact, then its people under the lock,
-- would otherwise deadlock with a fold holding the lock and waiting for the row).
CREATE OR REPLACE FUNCTION ${schema}.fold_monthly_facts() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    WITH noted AS (DELETE FROM ${schema}.monthly_fact_change RETURNING *),
    folded AS (
        INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
        SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM noted c
        GROUP BY c.fact, c.month, c.structure_id, c.key
        ORDER BY c.fact, c.month, c.structure_id, c.key
        ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
        SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max)
    )
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = x.latest
    FROM (SELECT max(c.recorded) AS latest FROM noted c) x
    WHERE r.pre_aggregate = 'monthly_fact' AND x.latest > coalesce(r.recorded_max, '-infinity');
END
$$;

-- The recomputation keeps B13's body under another name and recounts the latest recording after it.
DO $$
BEGIN
    IF to_regprocedure('${schema}.recompute_monthly_facts()') IS NULL THEN
        ALTER FUNCTION ${schema}.refresh_monthly_facts() RENAME TO recompute_monthly_facts;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.refresh_monthly_facts() RETURNS VOID LANGUAGE sql AS $$
    SELECT ${schema}.recompute_monthly_facts();
    SELECT ${schema}.recount_pre_aggregate_recorded();
$$;

-- member_month keyed by structure, month and line; the structure's index goes, the key serves its readers
DO $$
DECLARE
    key_name TEXT;
BEGIN
    SELECT c.conname INTO key_name FROM pg_constraint c
    WHERE c.conrelid = to_regclass('${schema}.member_month') AND c.contype = 'p';
    EXECUTE format('ALTER TABLE %I.member_month DROP CONSTRAINT %I', '${schema}', key_name);
END
$$;
ALTER TABLE ${schema}.member_month ADD CONSTRAINT member_month_pkey PRIMARY KEY (structure_id, month, line);
DROP INDEX IF EXISTS ${schema}.member_month_structure;
