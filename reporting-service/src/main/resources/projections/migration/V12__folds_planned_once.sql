-- The live channel's folds planned once per connection, not at every batch.
--
-- Profiled per function and per nested statement (auto_explain, log_nested_statements; bench/README.md, "The live
-- upkeep"): a live batch of ~15 events spent more of fold_people()'s time planning than running its statements. Its
-- statements take arrays (the people noted, their items before and after), and PL/pgSQL's plan cache chose a
-- custom plan for them at every call: each batch planned again the recomputation of the people's items, the
-- statement into which member_staircase(), member_quadrants() and their eight subqueries are inlined (~100 ms of
-- planning at load 85, where running it for a dozen people took ~10 ms). A generic plan holds for any batch: every
-- look-up in it goes by the person's, the accompaniment's or the item's key through an index (the arrays are the
-- batch's keys), so the plan does not depend on how many there are, and the statements' cost stays proportional to
-- the rows the batch touched. A later migration replacing fold_people() must keep the setting (CREATE OR REPLACE
-- without it drops it).
ALTER FUNCTION ${schema}.fold_people() SET plan_cache_mode = force_generic_plan;

-- fold_monthly_facts() was a SQL function: PostgreSQL plans a SQL function's statement at each call (its plans live
-- for one execution of the calling statement), i.e. once per batch. The same statement in PL/pgSQL is planned once
-- per connection. Its result is unchanged: every row noted is written, in key order.
CREATE OR REPLACE FUNCTION ${schema}.fold_monthly_facts() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    WITH noted AS (DELETE FROM ${schema}.monthly_fact_change RETURNING *)
    INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM noted c
    GROUP BY c.fact, c.month, c.structure_id, c.key
    ORDER BY c.fact, c.month, c.structure_id, c.key
    ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
    SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
END
$$;

-- A registered beneficiary's profile as recorded last by as_of (entry date, orientation source): the exact path's rule
-- for an entry whose profile changed after asOf, read by entries-by-orientation-source.sql and by the taking back of
-- late contributions (indicators/fragments/facts.sql), which each wrote the same look-up. One row at most, through
-- beneficiary_profile's key; a SQL function of one SELECT, inlined into the query that calls it.
CREATE FUNCTION ${schema}.profile_as_of(person UUID, as_of TIMESTAMPTZ)
RETURNS TABLE (entry_date DATE, orientation_source TEXT) LANGUAGE sql STABLE AS $$
    SELECT p.entry_date, p.orientation_source FROM ${schema}.beneficiary_profile p
    WHERE p.beneficiary_id = person AND p.recorded_at <= as_of
    ORDER BY p.recorded_at DESC, p.version DESC LIMIT 1
$$;
