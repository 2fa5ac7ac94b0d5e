-- The people's pre-aggregates (member_item, member_month, member_pair) answer the exact path too ("as of" a past
-- instant) once the few people whose facts recorded after asOf can move them in the period are taken back and counted
-- again from their facts (indicators/fragments/late-people.sql). Finding those facts: dated by the period's end (or a
-- closure dated before its start) and recorded after asOf. Neither the business date nor the recording time alone is
-- selective (at a past asOf a year after the period, the period's facts are a third of each table; the facts
-- recorded after asOf, a fifth), their difference is: a fact dated by the period's end and recorded after asOf lags
-- at least the days from the period's end to asOf's day. Indexed by that lag in days (the recording day in UTC less
-- the business date), the late facts of a past period are a short range at the top of the index. The recording time
-- and the business date follow in the index, so that a range that is not short (asOf a few days after the period's
-- end, when most facts lag a day or more) is filtered in the index, the table read only for the facts that are late.
-- No pre-aggregate to keep: the projections' writes maintain these indexes as they maintain the others.
CREATE INDEX level1_contact_lag ON ${schema}.level1_contact
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - contact_date), recorded_at, contact_date);
CREATE INDEX accompaniment_opened_lag ON ${schema}.accompaniment
    ((CAST(opened_at AT TIME ZONE 'UTC' AS DATE) - opened_on), opened_at, opened_on);
CREATE INDEX accompaniment_closed_lag ON ${schema}.accompaniment
    ((CAST(closed_at AT TIME ZONE 'UTC' AS DATE) - closed_on), closed_at, closed_on);
CREATE INDEX accompaniment_level_lag ON ${schema}.accompaniment_level
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - from_date), recorded_at, from_date);
CREATE INDEX cep_information_lag ON ${schema}.cep_information
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - informed_on), recorded_at, informed_on);
CREATE INDEX cpf_step_lag ON ${schema}.cpf_step
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - step_on), recorded_at, step_on);
