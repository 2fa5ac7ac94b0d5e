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
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.accompaniment a, {schema}.accompaniment_contributions(a) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(a.opened_at AT TIME ZONE 'UTC' AS DATE) - a.opened_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND a.opened_at > :asOf AND a.opened_on BETWEEN :ps AND :pe
      AND x.fact = 'opened' AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.accompaniment a, {schema}.accompaniment_contributions(a) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(a.closed_at AT TIME ZONE 'UTC' AS DATE) - a.closed_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND a.closed_at > :asOf AND a.closed_on BETWEEN :ps AND :pe
      AND x.fact = 'closed' AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.action a, {schema}.action_contributions(a) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(a.planned_at AT TIME ZONE 'UTC' AS DATE) - a.planned_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND a.planned_at > :asOf AND a.planned_on BETWEEN :ps AND :pe
      AND x.fact LIKE '%-prescribed' AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.action a, {schema}.action_contributions(a) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(a.done_at AT TIME ZONE 'UTC' AS DATE) - a.done_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND a.done_at > :asOf AND a.done_on BETWEEN :ps AND :pe
      AND x.fact LIKE '%-done' AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.training_outcome o, {schema}.training_outcome_contributions(o) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(o.recorded_at AT TIME ZONE 'UTC' AS DATE) - o.decided_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND o.recorded_at > :asOf AND o.decided_on BETWEEN :ps AND :pe
      AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.training_project p, {schema}.training_project_contributions(p) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(p.started_at AT TIME ZONE 'UTC' AS DATE) - p.started_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND p.started_at > :asOf AND p.started_on BETWEEN :ps AND :pe
      AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.funding_decision f, {schema}.funding_decision_contributions(f) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(f.recorded_at AT TIME ZONE 'UTC' AS DATE) - f.decided_on
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND f.recorded_at > :asOf AND f.decided_on BETWEEN :ps AND :pe
      AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.beneficiary b, {schema}.beneficiary_contributions(b) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(b.exit_recorded_at AT TIME ZONE 'UTC' AS DATE) - b.exit_date
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND b.exit_recorded_at > :asOf AND b.exit_date BETWEEN :ps AND :pe
      AND x.fact = 'exit' AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.beneficiary b, {schema}.beneficiary_contributions(b) x
    WHERE CAST(:late AS BOOLEAN) AND CAST(greatest(b.registered_at, b.profile_recorded_at) AT TIME ZONE 'UTC' AS DATE) - b.entry_date
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND greatest(b.registered_at, b.profile_recorded_at) > :asOf AND b.entry_date BETWEEN :ps AND :pe
      AND x.fact = 'entry' AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
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
