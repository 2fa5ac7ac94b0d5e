-- A rebuild's finalisation runs on two connections (GenerationRepository.restoreUpkeep): refresh_people_and_delays() in
-- a transaction of its own while the first one, holding the table locks and the fold lock, runs
-- refresh_monthly_facts() and builds the query indexes; the first one commits after the second. Both refreshes ended by
-- recounting all three latest recordings (recount_pre_aggregate_recorded(), V16, V17): each would then update the
-- rows of pre_aggregate_recorded the other updates, and read the table the other has emptied by TRUNCATE (its lock held
-- until the commit) — a deadlock, or the first connection waiting for the second one's commit, one after the other
-- again. Each refresh now recounts the latest recordings of the pre-aggregates it fills and reads nothing else: called
-- one after the other, as every caller but the finalisation does, they give the rows they gave. The recount of all
-- three stays for its other callers. refresh_people_and_delays() keeps V18's setting (a migration replacing it must:
-- GenerationMigrationsTest checks it) and V17's body but for its recount; refresh_monthly_facts() V16's.
-- Run again, it changes nothing.

CREATE OR REPLACE FUNCTION ${schema}.refresh_monthly_facts() RETURNS VOID LANGUAGE sql AS $$
    SELECT ${schema}.recompute_monthly_facts();
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = (SELECT max(f.recorded_max) FROM ${schema}.monthly_fact f)
    WHERE r.pre_aggregate = 'monthly_fact';
$$;

-- each table named in the statement is locked when it is planned, whichever branch runs: one statement per table
CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql
SET enable_nestloop = off AS $$
BEGIN
    DELETE FROM ${schema}.people_change;
    DELETE FROM ${schema}.delay_day_change;
    PERFORM ${schema}.recompute_people_and_delays();
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = (SELECT max(i.recorded) FROM ${schema}.member_item i)
    WHERE r.pre_aggregate = 'member_item';
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = (SELECT max(i.recorded) FROM ${schema}.referent_item i)
    WHERE r.pre_aggregate = 'referent_item';
END
$$;
