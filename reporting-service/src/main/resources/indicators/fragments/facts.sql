-- The counts by business date of the period (monthly_fact: per structure, month, fact and key, V2/V3) exact as of any
-- asOf after the period, not only as of now: monthly_fact counts every fact row as it stands now, so the
-- contributions of the rows recorded after asOf whose business date falls in the period are taken back, each by
-- the V2 *_contributions function of its table (one definition of what a row contributes), and an entry whose profile
-- was changed after asOf counts again with the profile recorded last by asOf, as the exact path reads it. A row
-- with no count in the period recorded late changes nothing here. Readers sum n and m per structure, month and key
-- (a row with the late facts taken back may come to zero) and keep the sums above zero, as they keep the rows with
-- n > 0 as of now.
-- Each branch finds the late rows by their recording lag (V10, V11: the days from the business date to the recording
-- day, in UTC): a fact dated by the period's end and recorded after asOf lags at least the days from the period's
-- end to asOf's day, a handful of rows at a past asOf well after the period. As of now every branch reads an empty
-- range of its index.
-- :late is false when the pre-aggregates are current (nothing they count recorded after asOf): PostgreSQL then prunes
-- the late branches when it plans, instead of planning ten branches to read empty ranges.
-- Not materialised: a reader filters it by one fact, which PostgreSQL then pushes into monthly_fact's unique index
-- (fact, month, structure, key), also when it reads it twice.
-- @exact-as-of
facts AS NOT MATERIALIZED (
    SELECT f.structure_id, f.month, f.fact, f.key, f.n, f.m FROM {schema}.monthly_fact f
    WHERE f.month BETWEEN :ps AND :pe AND f.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    -- @insert: late-contributions table=accompaniment, recorded=r.opened_at, dated=r.opened_on, facts=x.fact = 'opened'
    UNION ALL
    -- @insert: late-contributions table=accompaniment, recorded=r.closed_at, dated=r.closed_on, facts=x.fact = 'closed'
    UNION ALL
    -- @insert: late-contributions table=action, recorded=r.planned_at, dated=r.planned_on, facts=x.fact LIKE '%-prescribed'
    UNION ALL
    -- @insert: late-contributions table=action, recorded=r.done_at, dated=r.done_on, facts=x.fact LIKE '%-done'
    UNION ALL
    -- @insert: late-contributions table=training_outcome, recorded=r.recorded_at, dated=r.decided_on, facts=TRUE
    UNION ALL
    -- @insert: late-contributions table=training_project, recorded=r.started_at, dated=r.started_on, facts=TRUE
    UNION ALL
    -- @insert: late-contributions table=funding_decision, recorded=r.recorded_at, dated=r.decided_on, facts=TRUE
    UNION ALL
    -- @insert: late-contributions table=beneficiary, recorded=r.exit_recorded_at, dated=r.exit_date, facts=x.fact = 'exit'
    UNION ALL
    -- @insert: late-contributions table=beneficiary, recorded=greatest(r.registered_at, r.profile_recorded_at), dated=r.entry_date, facts=x.fact = 'entry'
    UNION ALL
    -- registered by asOf, profile changed after: the entry with the profile recorded last by asOf (the exact path's
    -- rule, entries-by-orientation-source.sql), found among the people whose profile changed after registration (V11)
    SELECT b.structure_id, CAST(date_trunc('month', v.entry_date) AS DATE), 'entry', v.orientation_source, 1,
           CASE WHEN v.orientation_source = 'POLE_EMPLOI' THEN 1 ELSE 0 END
    FROM {schema}.beneficiary b
    JOIN LATERAL {schema}.profile_as_of(b.beneficiary_id, CAST(:asOf AS TIMESTAMPTZ)) v ON TRUE
    WHERE CAST(:late AS BOOLEAN) AND b.profile_recorded_at > b.registered_at AND b.profile_recorded_at > :asOf AND b.registered_at <= :asOf
      AND v.entry_date BETWEEN :ps AND :pe AND b.structure_id IN (SELECT structure_id FROM scope_structures)
)
