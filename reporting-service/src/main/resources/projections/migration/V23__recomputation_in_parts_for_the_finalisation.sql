-- A rebuild's finalisation (GenerationRepository.restoreUpkeep) ran the people's and delays' recomputation as one
-- statement on its second connection: 0.7-0.8 s of one backend's CPU at scale 0.12, while the first connection's
-- monthly_fact and query indexes took 0.3 s, so one core idled for half the finalisation. The recomputation is per
-- person (member_staircase() partitions everything by person): its member items, two thirds of its time, are now
-- computed in parts, each person's items in one part (a byte of the person's id), so that two connections compute
-- them side by side; member_month and member_pair, sums over every item, come after both parts; the referents' items
-- and the delays (a tenth) beside the second part. The pieces:
-- - forget_people_and_delays(): the notes and the six pre-aggregates emptied (committed before the parts start:
--   TRUNCATE's lock would keep the second part waiting for the first one's commit);
-- - recompute_member_items(part, parts): the items of the people whose id's last byte modulo parts is part;
-- - recompute_member_counts(): member_month and member_pair from every item;
-- - recompute_referents_and_delays(): referent_item, delay_day, delay_month;
-- - recount_people_recordings(): the latest recordings of member_item and referent_item (V22's recount).
-- recompute_people_and_delays() and refresh_people_and_delays(), which every other caller uses, are the same pieces
-- one after the other, in V21's and V22's order, as one part: the same rows. refresh_people_and_delays() keeps V18's
-- setting (enable_nestloop = off), recompute_people_and_delays() V21's (plan_cache_mode = force_custom_plan); each
-- piece has both, since the finalisation calls them apart. member_staircase(), referent_quadrants() and member_moves()
-- stay the definitions the folds share. Run again, it changes nothing.

CREATE OR REPLACE FUNCTION ${schema}.empty_people_and_delays() RETURNS VOID LANGUAGE sql AS $$
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.member_pair, ${schema}.delay_day,
        ${schema}.delay_month, ${schema}.referent_item;
$$;

CREATE OR REPLACE FUNCTION ${schema}.forget_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.people_change;
    DELETE FROM ${schema}.delay_day_change;
    PERFORM ${schema}.empty_people_and_delays();
END
$$;

-- a person with no id (none is) would be in no part: the staircase never matched it either
CREATE OR REPLACE FUNCTION ${schema}.recompute_member_items(part INTEGER, parts INTEGER) RETURNS VOID LANGUAGE plpgsql
SET enable_nestloop = off SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    ids UUID[];
BEGIN
    ids := ARRAY(SELECT p.id FROM (SELECT beneficiary_id AS id FROM ${schema}.accompaniment
                                   UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
                                   UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact) p
                 WHERE get_byte(uuid_send(p.id), 15) % parts = part);
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ids, ids, ids, ids) s;
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.recompute_member_counts() RETURNS VOID LANGUAGE plpgsql
SET enable_nestloop = off SET plan_cache_mode = force_custom_plan AS $$
BEGIN
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    -- the item's columns in the table's order (a migration adding a column to member_item adds it here)
    FROM ${schema}.member_item i,
         ${schema}.member_moves(ROW(i.person, i.line, i.structure_id, i.a, i.b, i.w, i.shared, i.recorded)
                                ::${schema}.member_item) x
    GROUP BY x.structure_id, x.month, x.line HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0
    ORDER BY x.structure_id, x.month, x.line;
    PERFORM ${schema}.refresh_member_pairs();
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.recompute_referents_and_delays() RETURNS VOID LANGUAGE plpgsql
SET enable_nestloop = off SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    accompaniments UUID[];
BEGIN
    accompaniments := ARRAY(SELECT accompaniment_id FROM ${schema}.accompaniment
                            UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level);
    INSERT INTO ${schema}.referent_item
    SELECT q.* FROM ${schema}.referent_quadrants(accompaniments) q;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    PERFORM ${schema}.refresh_delay_months();
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.recount_people_recordings() RETURNS VOID LANGUAGE sql AS $$
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = (SELECT max(i.recorded) FROM ${schema}.member_item i)
    WHERE r.pre_aggregate = 'member_item';
    UPDATE ${schema}.pre_aggregate_recorded r SET recorded_max = (SELECT max(i.recorded) FROM ${schema}.referent_item i)
    WHERE r.pre_aggregate = 'referent_item';
$$;

CREATE OR REPLACE FUNCTION ${schema}.recompute_people_and_delays() RETURNS VOID LANGUAGE plpgsql
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
    PERFORM ${schema}.empty_people_and_delays();
    PERFORM ${schema}.recompute_member_items(0, 1);
    PERFORM ${schema}.recompute_member_counts();
    PERFORM ${schema}.recompute_referents_and_delays();
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql
SET enable_nestloop = off AS $$
BEGIN
    DELETE FROM ${schema}.people_change;
    DELETE FROM ${schema}.delay_day_change;
    PERFORM ${schema}.recompute_people_and_delays();
    PERFORM ${schema}.recount_people_recordings();
END
$$;
