-- The counts by business date (monthly_fact) answer the exact path too ("as of" a past instant after the period)
-- once the contributions of the rows recorded after asOf are taken back (indicators/fragments/facts.sql). Finding
-- those rows as V10 finds the late facts of the people: by their recording lag in days (the recording day in UTC
-- less the business date), a short range at the top of each index for a period well before asOf; the recording
-- time and the business date follow, so that a longer range is filtered in the index. One index per recording time
-- a contribution carries (V2's *_contributions functions); accompaniment's opening and closure have theirs (V10).
-- No pre-aggregate to keep, no trigger: the projections' writes maintain these indexes as they maintain the others.
CREATE INDEX action_planned_lag ON ${schema}.action
    ((CAST(planned_at AT TIME ZONE 'UTC' AS DATE) - planned_on), planned_at, planned_on);
CREATE INDEX action_done_lag ON ${schema}.action
    ((CAST(done_at AT TIME ZONE 'UTC' AS DATE) - done_on), done_at, done_on);
CREATE INDEX training_outcome_lag ON ${schema}.training_outcome
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - decided_on), recorded_at, decided_on);
CREATE INDEX training_project_started_lag ON ${schema}.training_project
    ((CAST(started_at AT TIME ZONE 'UTC' AS DATE) - started_on), started_at, started_on);
CREATE INDEX funding_decision_lag ON ${schema}.funding_decision
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - decided_on), recorded_at, decided_on);
CREATE INDEX beneficiary_exit_lag ON ${schema}.beneficiary
    ((CAST(exit_recorded_at AT TIME ZONE 'UTC' AS DATE) - exit_date), exit_recorded_at, exit_date);
-- an entry counts once the person is registered and the profile recorded: the later of the two
CREATE INDEX beneficiary_entry_lag ON ${schema}.beneficiary
    ((CAST(greatest(registered_at, profile_recorded_at) AT TIME ZONE 'UTC' AS DATE) - entry_date),
     (greatest(registered_at, profile_recorded_at)), entry_date);
-- the people whose profile changed after their registration: as of an instant between the two, their entry counts
-- with the profile recorded last by then (beneficiary_profile)
CREATE INDEX beneficiary_profile_changed ON ${schema}.beneficiary (profile_recorded_at)
    WHERE profile_recorded_at > registered_at;
