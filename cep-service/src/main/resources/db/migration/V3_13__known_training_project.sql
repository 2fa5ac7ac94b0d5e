-- CPF training projects as announced on cpf.events (TrainingProjectCreated): an action of the action plan may only link
-- a project that exists, in the caller's structure, for the same person. Ids only: titles and bodies stay in cpf.
CREATE TABLE known_training_project (
    training_project_id UUID PRIMARY KEY,
    structure_id        UUID NOT NULL,
    beneficiary_id      UUID NOT NULL
);
