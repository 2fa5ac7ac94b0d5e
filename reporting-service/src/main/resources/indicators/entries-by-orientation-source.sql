-- Registered beneficiaries of the scope with the profile recorded last by asOf: the current row when its profile
-- was recorded by then (nearly always), otherwise the older version from beneficiary_profile.
-- @with
profiles AS (
    SELECT b.beneficiary_id, b.structure_id, b.entry_date, b.orientation_source, b.exit_date,
           b.exit_recorded_at
    FROM {schema}.beneficiary b
    WHERE b.registered_at <= :asOf AND b.profile_recorded_at <= :asOf
      AND b.structure_id IN (SELECT structure_id FROM scope_structures)
    UNION ALL
    SELECT b.beneficiary_id, b.structure_id, v.entry_date, v.orientation_source, b.exit_date,
           b.exit_recorded_at
    FROM {schema}.beneficiary b
    JOIN LATERAL {schema}.profile_as_of(b.beneficiary_id, CAST(:asOf AS TIMESTAMPTZ)) v ON TRUE
    WHERE b.registered_at <= :asOf AND b.profile_recorded_at > :asOf
      AND b.structure_id IN (SELECT structure_id FROM scope_structures)
),
entries AS (
    SELECT * FROM profiles b WHERE b.entry_date BETWEEN :ps AND :pe
)
-- @main
-- Counted per structure first, so that `entries` is read once and streamed, not written aside (a common table
-- expression read twice is materialised: at a million people, a third of them copied before being counted).
SELECT CAST(coalesce(sum(e.num), 0) AS BIGINT) AS num, CAST(coalesce(sum(e.den), 0) AS BIGINT) AS den,
       count(*) FILTER (WHERE e.structure_id IN (SELECT structure_id FROM reg)) AS contributing
FROM (SELECT structure_id, count(*) FILTER (WHERE orientation_source = 'POLE_EMPLOI') AS num, count(*) AS den
      FROM entries GROUP BY structure_id) e
-- @breakdown
-- each entry has one key: the entries are the sum over the keys
SELECT k.key, k.num, CAST(sum(k.num) OVER () AS BIGINT) AS den
FROM (SELECT coalesce(orientation_source, 'UNKNOWN') AS key, count(*) AS num FROM entries GROUP BY 1) k
ORDER BY 1
-- @now-needs: facts
-- @now-with
counted AS (
    SELECT structure_id, key, CAST(sum(n) AS BIGINT) AS n, CAST(sum(m) AS BIGINT) AS m FROM facts
    WHERE fact = 'entry' GROUP BY structure_id, month, key HAVING sum(n) > 0
)
-- @now-main
SELECT CAST(coalesce(sum(m), 0) AS BIGINT) AS num, CAST(coalesce(sum(n), 0) AS BIGINT) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT coalesce(key, 'UNKNOWN') AS key, CAST(sum(n) AS BIGINT) AS num,
       (SELECT CAST(sum(n) AS BIGINT) FROM counted) AS den
FROM counted GROUP BY 1 ORDER BY 1
