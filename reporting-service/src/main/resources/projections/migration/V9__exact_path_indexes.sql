-- Indexes for the exact path ("as of" a past instant, over the facts with their recording times).
--
-- The CPF shares of the accompanied read the steps of one kind dated by the period's end and the withdrawals of that
-- kind dated by its start: with no index led by the step, each query read all of cpf_step twice (1.5 million rows at
-- a million people, 2.5-3 s per share under load). Covering, so that the steps are read from the index alone once
-- VACUUM has marked their pages visible.
CREATE INDEX cpf_step_step ON ${schema}.cpf_step (step, step_on) INCLUDE (beneficiary_id, recorded_at, modality);
--
-- Counsellors delivering CEP, exact path: per active counsellor not met in person, an accompaniment or a level of
-- theirs found through the referent's index, the search stopping at the first (counsellors-delivering-cep.sql),
-- instead of the sets of every accompaniment active and every level held. V7 dropped these indexes of V4 when only
-- the caseload look-ups read them; without them each such counsellor is a scan of both tables. At a million people,
-- the referent's question for all 1,020 counsellors takes 114 ms with them.
CREATE INDEX accompaniment_referent ON ${schema}.accompaniment (referent_id);
CREATE INDEX accompaniment_level_referent ON ${schema}.accompaniment_level (referent_id);
