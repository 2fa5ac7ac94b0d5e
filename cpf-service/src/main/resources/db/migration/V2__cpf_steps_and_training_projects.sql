-- Beneficiaries announced on beneficiary.events: which structure each belongs to, nothing personal.
CREATE TABLE known_beneficiary (
    beneficiary_id      UUID PRIMARY KEY,
    structure_id        UUID        NOT NULL,
    entry_date          DATE,
    status_at_entry     VARCHAR(32),
    boe                 BOOLEAN     NOT NULL,
    qualification_level VARCHAR(16),
    erased_on           DATE,
    recorded_at         TIMESTAMPTZ NOT NULL
);

ALTER TABLE cpf_account ADD COLUMN opening_step VARCHAR(16);
ALTER TABLE cpf_account ADD COLUMN opening_on   DATE;
ALTER TABLE cpf_account ADD COLUMN opening_by   UUID;
CREATE INDEX cpf_account_structure ON cpf_account (structure_id);

CREATE TABLE cpf_consent (
    id             UUID PRIMARY KEY,
    beneficiary_id UUID        NOT NULL REFERENCES cpf_account (beneficiary_id),
    structure_id   UUID        NOT NULL,
    given_on       DATE        NOT NULL,
    modality       VARCHAR(32) NOT NULL,
    given_by       UUID,
    withdrawn_on   DATE,
    withdrawn_by   UUID,
    recorded_at    TIMESTAMPTZ NOT NULL,
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
);
CREATE INDEX cpf_consent_beneficiary ON cpf_consent (beneficiary_id);
-- at most one consent in force per person: giving another one means withdrawing the first
CREATE UNIQUE INDEX cpf_consent_one_active ON cpf_consent (beneficiary_id) WHERE withdrawn_on IS NULL;

CREATE TABLE cpf_balance_statement (
    id             UUID PRIMARY KEY,
    beneficiary_id UUID          NOT NULL REFERENCES cpf_account (beneficiary_id),
    unit           VARCHAR(8)    NOT NULL,
    amount         NUMERIC(12,2) NOT NULL CHECK (amount >= 0),
    as_of          DATE          NOT NULL,
    recorded_by    UUID,
    recorded_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX cpf_balance_statement_beneficiary ON cpf_balance_statement (beneficiary_id, as_of);

CREATE TABLE training_project (
    id                     UUID PRIMARY KEY,
    beneficiary_id         UUID          NOT NULL,
    structure_id           UUID          NOT NULL,
    accompaniment_id       UUID,
    counsellor_id          UUID,
    title                  VARCHAR(200),
    certification_kind     VARCHAR(32)   NOT NULL,
    certification_code     VARCHAR(20),
    eligibility_list       VARCHAR(16)   NOT NULL,
    eligibility_region     VARCHAR(2),
    training_body_name     VARCHAR(200),
    training_body_siret    VARCHAR(14),
    start_date             DATE          NOT NULL,
    end_date               DATE          NOT NULL,
    hours                  INTEGER       NOT NULL CHECK (hours > 0),
    cost                   NUMERIC(12,2) NOT NULL CHECK (cost >= 0),
    status                 VARCHAR(16)   NOT NULL,
    started_on             DATE,
    completed_on           DATE,
    certification_obtained BOOLEAN,
    not_implemented_on     DATE,
    created_on             DATE          NOT NULL,
    recorded_at            TIMESTAMPTZ   NOT NULL,
    recorded_by            VARCHAR(200)  NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX training_project_structure ON training_project (structure_id, created_on);
CREATE INDEX training_project_beneficiary ON training_project (beneficiary_id);

CREATE TABLE training_not_implemented_reason (
    training_project_id UUID        NOT NULL REFERENCES training_project (id),
    reason              VARCHAR(48) NOT NULL,
    PRIMARY KEY (training_project_id, reason)
);

CREATE TABLE funding_request (
    id                  UUID PRIMARY KEY,
    training_project_id UUID          NOT NULL REFERENCES training_project (id),
    funder              VARCHAR(24)   NOT NULL,
    amount              NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    cpf_hours           INTEGER CHECK (cpf_hours > 0),
    requested_on        DATE          NOT NULL,
    decision            VARCHAR(16),
    granted_amount      NUMERIC(12,2) CHECK (granted_amount >= 0),
    refusal_reason      VARCHAR(32),
    decision_comment    VARCHAR(500),
    answered_on         DATE,
    recorded_at         TIMESTAMPTZ   NOT NULL,
    CHECK (answered_on IS NULL OR answered_on >= requested_on)
);
CREATE INDEX funding_request_project ON funding_request (training_project_id);
