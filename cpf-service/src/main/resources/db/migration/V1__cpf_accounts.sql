-- The CPF steps of one beneficiary in one structure.
CREATE TABLE cpf_account (
    beneficiary_id UUID PRIMARY KEY,
    structure_id   UUID        NOT NULL,
    presented_on   DATE,
    presented_by   UUID,
    recorded_at    TIMESTAMPTZ NOT NULL
);
