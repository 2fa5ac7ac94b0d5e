-- Brings a generation built before profile and counsellor-period versions to the current template, in place:
-- run once, when the beneficiary table lacks profile_recorded_at. What was overwritten before the upgrade is
-- unknown, so each current value becomes version 1, holding from the row's first recording.
ALTER TABLE {schema}.beneficiary ADD COLUMN profile_recorded_at TIMESTAMPTZ;
UPDATE {schema}.beneficiary SET profile_recorded_at = registered_at WHERE registered_at IS NOT NULL;
CREATE INDEX beneficiary_profile_recorded ON {schema}.beneficiary (profile_recorded_at);
INSERT INTO {schema}.beneficiary_profile (beneficiary_id, version, entry_date, orientation_source, recorded_at)
SELECT beneficiary_id, 1, entry_date, orientation_source, registered_at FROM {schema}.beneficiary
WHERE registered_at IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO {schema}.counsellor_period (counsellor_id, version, structure_id, active_from, active_until, recorded_at)
SELECT counsellor_id, 1, structure_id, active_from, active_until, recorded_at FROM {schema}.counsellor
ON CONFLICT DO NOTHING;
-- Portfolio spans from the current state, recorded when the person was registered (history before the upgrade is
-- not known).
INSERT INTO {schema}.portfolio_span (beneficiary_id, event_id, structure_id, counsellor_id, from_on, until_on,
    recorded_at)
SELECT beneficiary_id, beneficiary_id, structure_id, counsellor_id, from_on, until_on, registered_at FROM (
    SELECT b.beneficiary_id, b.structure_id, b.registered_at, a.counsellor_id,
           greatest(a.assigned_on, b.entry_date) AS from_on, least(a.next_on, b.exit_date) AS until_on
    FROM (SELECT r.beneficiary_id, r.counsellor_id, r.assigned_on,
                 lead(r.assigned_on) OVER (PARTITION BY r.beneficiary_id
                                           ORDER BY r.assigned_on, r.recorded_at, r.counsellor_id) AS next_on
          FROM {schema}.referent_assignment r) a
    JOIN {schema}.beneficiary b ON b.beneficiary_id = a.beneficiary_id
    WHERE b.registered_at IS NOT NULL AND b.entry_date IS NOT NULL
) s WHERE until_on IS NULL OR until_on > from_on
ON CONFLICT DO NOTHING;
INSERT INTO {schema}.portfolio_month (structure_id, counsellor_id, month, members)
SELECT structure_id, counsellor_id, month, sum(delta) FROM (
    SELECT structure_id, counsellor_id, CAST(date_trunc('month', from_on) AS DATE) AS month, 1 AS delta
    FROM {schema}.portfolio_span
    UNION ALL
    SELECT structure_id, counsellor_id, CAST(date_trunc('month', until_on) AS DATE), -1
    FROM {schema}.portfolio_span WHERE until_on IS NOT NULL
) moves GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
