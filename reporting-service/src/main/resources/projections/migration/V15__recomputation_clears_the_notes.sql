-- A recomputation of the people's and delays' pre-aggregates from the facts makes every note written before it
-- obsolete, as refresh_monthly_facts() already treats monthly_fact_change: since V14 notes may be committed and wait
-- for a fold apart from their batch, and a delay's note is a difference (+1/-1), so folded after a recomputation that
-- already counts its decision it would count it twice. People's notes only name whom to recompute; they go too.
CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.people_change;
    DELETE FROM ${schema}.delay_day_change;
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.member_pair, ${schema}.delay_day,
        ${schema}.delay_month, ${schema}.referent_item;
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ARRAY(
        SELECT beneficiary_id FROM ${schema}.accompaniment
        UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
        UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact)) s;
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    FROM ${schema}.member_item item, ${schema}.member_moves(item) x
    GROUP BY x.line, x.month, x.structure_id HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0;
    PERFORM ${schema}.refresh_member_pairs();
    INSERT INTO ${schema}.referent_item
    SELECT q.* FROM ${schema}.referent_quadrants(ARRAY(
        SELECT accompaniment_id FROM ${schema}.accompaniment
        UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level)) q;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    PERFORM ${schema}.refresh_delay_months();
END
$$;
