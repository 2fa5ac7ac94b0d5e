-- Level-1 routing: the CEP operator a person was sent to (with the fiche de liaison, if issued).
ALTER TABLE level1_contact ADD COLUMN routed_to TEXT;

-- What the beneficiary service announced: which ids exist and in which structure. Nothing personal.
CREATE TABLE known_beneficiary (
    beneficiary_id         UUID PRIMARY KEY,
    structure_id           UUID        NOT NULL,
    referent_counsellor_id UUID,
    entry_date             DATE,
    erased_on              DATE,
    updated_at             TIMESTAMPTZ NOT NULL
);

CREATE TABLE known_structure (
    structure_id UUID PRIMARY KEY,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    region       TEXT,
    department   TEXT
);

CREATE TABLE known_counsellor (
    counsellor_id UUID PRIMARY KEY,
    structure_id  UUID,
    display_name  TEXT
);

CREATE TABLE diagnostic (
    id             UUID PRIMARY KEY,
    structure_id   UUID        NOT NULL,
    beneficiary_id UUID        NOT NULL,
    counsellor_id  UUID,
    diagnosed_on   DATE        NOT NULL,
    work_axis      TEXT        NOT NULL,
    barriers       TEXT        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    TEXT        NOT NULL
);
CREATE INDEX diagnostic_beneficiary ON diagnostic (beneficiary_id, diagnosed_on);
CREATE INDEX diagnostic_structure ON diagnostic (structure_id, diagnosed_on);

CREATE TABLE accompaniment (
    id                      UUID PRIMARY KEY,
    structure_id            UUID        NOT NULL,
    beneficiary_id          UUID        NOT NULL,
    diagnostic_id           UUID        NOT NULL REFERENCES diagnostic (id),
    referent_counsellor_id  UUID        NOT NULL,
    level                   INTEGER     NOT NULL CHECK (level BETWEEN 2 AND 3),
    cap_emploi_service      TEXT        NOT NULL,
    work_axis               TEXT        NOT NULL,
    start_date              DATE        NOT NULL,
    cep_informed_on         DATE,
    cep_informed_by         UUID,
    synthesis_revision      INTEGER     NOT NULL DEFAULT 0,
    synthesis_issued_on     DATE,
    synthesis_counsellor_id UUID,
    synthesis_project       TEXT,
    synthesis_strategy      TEXT,
    closed_on               DATE,
    outcome                 TEXT,
    recorded_at             TIMESTAMPTZ NOT NULL,
    recorded_by             TEXT        NOT NULL
);
-- A person has at most one open CEP accompaniment at a time.
CREATE UNIQUE INDEX accompaniment_one_open ON accompaniment (beneficiary_id) WHERE closed_on IS NULL;
CREATE INDEX accompaniment_structure ON accompaniment (structure_id, start_date);

CREATE TABLE level_change (
    id               UUID PRIMARY KEY,
    accompaniment_id UUID        NOT NULL REFERENCES accompaniment (id),
    from_level       INTEGER     NOT NULL,
    to_level         INTEGER     NOT NULL,
    changed_on       DATE        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX level_change_accompaniment ON level_change (accompaniment_id);

CREATE TABLE interview (
    id               UUID PRIMARY KEY,
    accompaniment_id UUID        NOT NULL REFERENCES accompaniment (id),
    counsellor_id    UUID        NOT NULL,
    held_on          DATE        NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    mode             TEXT        NOT NULL,
    cep_level        INTEGER     NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX interview_accompaniment ON interview (accompaniment_id);

CREATE TABLE action_item (
    id                      UUID PRIMARY KEY,
    accompaniment_id        UUID        NOT NULL REFERENCES accompaniment (id),
    kind                    TEXT        NOT NULL,
    label                   TEXT,
    counsellor_id           UUID        NOT NULL,
    planned_on              DATE        NOT NULL,
    start_date              DATE,
    end_date                DATE,
    pmsmp_purpose           TEXT,
    host_name               TEXT,
    host_siret              TEXT,
    renewal_of              UUID REFERENCES action_item (id),
    alternance_contract     TEXT,
    cpf_training_project_id UUID,
    status                  TEXT        NOT NULL,
    status_on               DATE,
    recorded_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX action_item_accompaniment ON action_item (accompaniment_id);
-- A PMSMP is renewable once: at most one live renewal per PMSMP, whatever the concurrency.
CREATE UNIQUE INDEX action_item_one_renewal ON action_item (renewal_of)
    WHERE renewal_of IS NOT NULL AND status <> 'CANCELLED';

CREATE TABLE operator_declaration (
    id                          UUID PRIMARY KEY,
    declaration_id              UUID          NOT NULL,
    structure_id                UUID          NOT NULL,
    period                      TEXT          NOT NULL,
    period_start                DATE          NOT NULL,
    period_end                  DATE          NOT NULL,
    version                     INTEGER       NOT NULL,
    level1_only_fte             NUMERIC(7, 2) NOT NULL,
    levels23_only_fte           NUMERIC(7, 2) NOT NULL,
    all_levels_fte              NUMERIC(7, 2) NOT NULL,
    support_fte                 NUMERIC(7, 2) NOT NULL,
    professionalisation_engaged BOOLEAN       NOT NULL,
    professionalisation_actions TEXT          NOT NULL,
    systematic_training         BOOLEAN       NOT NULL,
    cep_training_days           NUMERIC(7, 2),
    counsellors_trained         INTEGER,
    mutualised_offer_used       BOOLEAN,
    mutualised_offer_natures    TEXT          NOT NULL,
    level1_delivered            BOOLEAN,
    trainings_fit_needs         BOOLEAN,
    cpf_rules_mastered          BOOLEAN,
    new_funders_used            BOOLEAN,
    spro_tools_developed        BOOLEAN,
    cep_kit_used_internally     BOOLEAN,
    comment                     TEXT,
    submitted_at                TIMESTAMPTZ   NOT NULL,
    submitted_by                TEXT          NOT NULL,
    UNIQUE (structure_id, period, version)
);
