-- A generation being rebuilt is written by the projections' statements alone (its triggers off, no fold runs before
-- its upkeep is restored) and read by nobody: an index serves it only if one of those statements looks a row up
-- through it. They look rows up by primary key (ON CONFLICT, the versions' max, the updates by id) and the portfolio
-- statement by the current spans (portfolio_span_current); the folds' look-ups by person, accompaniment or project
-- (accompaniment_beneficiary, accompaniment_level_accompaniment and _beneficiary, level1_contact_person,
-- cep_information_beneficiary, cpf_step_beneficiary, funding_decision_project) serve the folds once the upkeep is
-- back. The indexes below are read only by the indicator queries, yet B13 put them outside the @query-indexes marks:
-- every row a rebuild wrote went into each of them too (an interview into three indexes instead of one, a
-- portfolio span into four instead of two, a beneficiary's update into four), each entry a WAL record. Marked here,
-- a rebuild defers them as it defers B13's marked ones (GenerationRepository: dropped when the generation is created
-- for a rebuild, built once caught up, before the switch). The statements are B13's own, IF NOT EXISTS: a generation
-- that has them (every generation migrated so far, a new active one) keeps them untouched; one being rebuilt lacks
-- them until its upkeep is restored. structure_region and counsellor_structure stay as they are (a few hundred rows).
-- @query-indexes
CREATE INDEX IF NOT EXISTS beneficiary_structure ON ${schema}.beneficiary (structure_id);
CREATE INDEX IF NOT EXISTS beneficiary_entry ON ${schema}.beneficiary (entry_date);
CREATE INDEX IF NOT EXISTS beneficiary_profile_recorded ON ${schema}.beneficiary (profile_recorded_at);
CREATE INDEX IF NOT EXISTS portfolio_span_recorded ON ${schema}.portfolio_span (recorded_at);
CREATE INDEX IF NOT EXISTS portfolio_span_superseded ON ${schema}.portfolio_span (superseded_at);
CREATE INDEX IF NOT EXISTS level1_contact_date ON ${schema}.level1_contact (contact_date);
CREATE INDEX IF NOT EXISTS level1_contact_structure ON ${schema}.level1_contact (structure_id);
CREATE INDEX IF NOT EXISTS level1_contact_counsellor ON ${schema}.level1_contact (counsellor_id, contact_date);
CREATE INDEX IF NOT EXISTS accompaniment_structure ON ${schema}.accompaniment (structure_id);
CREATE INDEX IF NOT EXISTS accompaniment_opened ON ${schema}.accompaniment (opened_on);
CREATE INDEX IF NOT EXISTS accompaniment_level_structure ON ${schema}.accompaniment_level (structure_id);
CREATE INDEX IF NOT EXISTS interview_held ON ${schema}.interview (held_on);
CREATE INDEX IF NOT EXISTS interview_counsellor ON ${schema}.interview (counsellor_id, held_on);
CREATE INDEX IF NOT EXISTS action_kind ON ${schema}.action (kind, planned_on);
CREATE INDEX IF NOT EXISTS funding_decision_decided ON ${schema}.funding_decision (decided_on);
-- @end-query-indexes
