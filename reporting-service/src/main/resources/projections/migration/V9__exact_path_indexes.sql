-- Indexes for the exact path ("as of" a past instant, over the facts with their recording times).
--
-- The CPF shares of the accompanied read the steps of one kind dated by the period's end and the withdrawals of that
-- kind dated by its start: with no index led by the step, each query read all of cpf_step twice (1.5 million rows at
-- a million people, 2.5-3 s per share under load). Covering, so that the steps are read from the index alone once
-- VACUUM has marked their pages visible.
CREATE INDEX cpf_step_step ON ${schema}.cpf_step (step, step_on) INCLUDE (beneficiary_id, recorded_at, modality);
