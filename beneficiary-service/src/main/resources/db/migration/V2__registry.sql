-- Counsellors of the directory; the name key orders lists the way people read them.
CREATE TABLE counsellor (
    id               UUID PRIMARY KEY,
    structure_id     UUID        NOT NULL REFERENCES structure (id),
    display_name     TEXT        NOT NULL,
    display_name_key TEXT        NOT NULL,
    active_from      DATE        NOT NULL,
    active_until     DATE,
    version          BIGINT      NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    CHECK (active_until IS NULL OR active_until >= active_from)
);
CREATE INDEX counsellor_by_structure ON counsellor (structure_id, display_name_key, id);

-- Beneficiaries. Personal columns are nullable because erasure wipes them; the CHECK below makes the database
-- itself refuse an erased row that still holds any of them.
CREATE TABLE beneficiary (
    id                     UUID PRIMARY KEY,
    structure_id           UUID        NOT NULL REFERENCES structure (id),
    state                  TEXT        NOT NULL CHECK (state IN ('ACTIVE', 'EXITED', 'ERASED')),
    last_name              TEXT,
    first_name             TEXT,
    search_key             TEXT,
    last_name_key          TEXT,
    first_name_key         TEXT,
    birth_date             DATE,
    birth_year             INTEGER     NOT NULL,
    sex                    TEXT        NOT NULL,
    nir_ciphertext         BYTEA,
    nir_hash               TEXT,
    france_travail_id      TEXT,
    email                  TEXT,
    phone                  TEXT,
    street                 TEXT,
    postal_code            TEXT,
    city                   TEXT,
    status_at_entry        TEXT        NOT NULL,
    boe                    BOOLEAN     NOT NULL,
    boe_type               TEXT,
    boe_valid_from         DATE,
    boe_valid_until        DATE,
    qualification_level    TEXT,
    inactivity_months      INTEGER CHECK (inactivity_months >= 0),
    orientation_source     TEXT        NOT NULL,
    entry_date             DATE        NOT NULL,
    referent_counsellor_id UUID REFERENCES counsellor (id),
    exit_date              DATE,
    exit_reason            TEXT,
    erased_on              DATE,
    version                BIGINT      NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    CHECK (exit_date IS NULL OR exit_date >= entry_date),
    CHECK ((exit_date IS NULL) = (exit_reason IS NULL)),
    CHECK (state <> 'ERASED' OR (erased_on IS NOT NULL
        AND last_name IS NULL AND first_name IS NULL AND search_key IS NULL AND last_name_key IS NULL
        AND first_name_key IS NULL AND birth_date IS NULL AND nir_ciphertext IS NULL AND nir_hash IS NULL
        AND france_travail_id IS NULL AND email IS NULL AND phone IS NULL AND street IS NULL
        AND postal_code IS NULL AND city IS NULL AND boe_type IS NULL AND boe_valid_from IS NULL
        AND boe_valid_until IS NULL)),
    CHECK (state = 'ERASED' OR (last_name IS NOT NULL AND first_name IS NOT NULL AND birth_date IS NOT NULL))
);
-- One person per NIR in a structure; erased rows have no hash any more.
CREATE UNIQUE INDEX beneficiary_nir ON beneficiary (structure_id, nir_hash) WHERE nir_hash IS NOT NULL;
-- Lists and name searches run inside one structure, in name order.
CREATE INDEX beneficiary_by_name ON beneficiary (structure_id, last_name_key, first_name_key, id)
    WHERE state <> 'ERASED';
CREATE INDEX beneficiary_portfolio ON beneficiary (referent_counsellor_id, last_name_key, first_name_key, id)
    WHERE state = 'ACTIVE';

CREATE TABLE consent (
    id                  UUID PRIMARY KEY,
    beneficiary_id      UUID        NOT NULL REFERENCES beneficiary (id),
    structure_id        UUID        NOT NULL,
    scope               TEXT        NOT NULL,
    given_on            DATE        NOT NULL,
    modality            TEXT        NOT NULL,
    withdrawn_on        DATE,
    withdrawal_modality TEXT,
    recorded_at         TIMESTAMPTZ NOT NULL,
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
    CHECK ((withdrawn_on IS NULL) = (withdrawal_modality IS NULL))
);
-- At most one consent in force per scope.
CREATE UNIQUE INDEX consent_in_force ON consent (beneficiary_id, scope) WHERE withdrawn_on IS NULL;
CREATE INDEX consent_by_beneficiary ON consent (beneficiary_id, given_on, id);

-- Who read or changed whose personal data. Append-only: a trace that can be edited proves nothing.
CREATE TABLE access_log_entry (
    id                  BIGSERIAL PRIMARY KEY,
    beneficiary_id      UUID        NOT NULL REFERENCES beneficiary (id),
    structure_id        UUID        NOT NULL,
    caller_name         TEXT        NOT NULL,
    caller_role         TEXT        NOT NULL,
    caller_structure_id UUID,
    action              TEXT        NOT NULL,
    accessed_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_log_by_beneficiary ON access_log_entry (beneficiary_id, accessed_at DESC, id DESC);

CREATE FUNCTION access_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_log_entry is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log_entry
    FOR EACH ROW EXECUTE FUNCTION access_log_is_append_only();

-- Idempotency-Key of POST requests: a retried request finds the resource its first attempt created. The key is
-- per caller and operation; the request hash (keyed HMAC, so it reveals nothing of the body) detects a key reused
-- for another request.
CREATE TABLE idempotent_request (
    caller          TEXT        NOT NULL,
    operation       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT,
    resource_id     UUID,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
CREATE INDEX idempotent_request_by_resource ON idempotent_request (resource_id);
