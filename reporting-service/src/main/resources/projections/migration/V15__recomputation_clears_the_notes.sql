-- A recomputation of the people's and delays' pre-aggregates from the facts makes every note written before it
-- obsolete, as refresh_monthly_facts() already treats monthly_fact_change: since V14 notes may be committed and wait
-- for a fold apart from their batch, and a delay's note is a difference (+1/-1), so folded after a recomputation that
-- already counts its decision it would count it twice. People's notes only name whom to recompute; they go too.
-- B13's recomputation keeps its body under a new name; the name every caller uses now deletes the notes first. Run
-- again on a schema that has it (a history rewritten), it changes nothing.
DO $$
BEGIN
    IF to_regprocedure('${schema}.recompute_people_and_delays()') IS NULL THEN
        ALTER FUNCTION ${schema}.refresh_people_and_delays() RENAME TO recompute_people_and_delays;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.people_change;
    DELETE FROM ${schema}.delay_day_change;
    PERFORM ${schema}.recompute_people_and_delays();
END
$$;
