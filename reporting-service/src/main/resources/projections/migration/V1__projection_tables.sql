-- The tables of one projection generation, migrated by Flyway in the generation's schema (its placeholder is
-- schema) with a history table of its own (GenerationRepository.migrate). A change is a new migration listed in
-- ProjectionMigrations: every live generation gets it when the service starts. A new projection of existing events
-- needs a rebuild (POST /api/v1/admin/projections/rebuild) or a migration filling its table from the facts.
CREATE TABLE ${schema}.structure (
    structure_id  UUID PRIMARY KEY,
    code          TEXT        NOT NULL,
    region        TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    registered_on DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX structure_region ON ${schema}.structure (region);

-- Every fact row keeps recorded_at, when its service recorded it (envelope), so that "as of D" reads
-- recorded_at <= D; business dates decide period membership. Rows that a later event completes (closure, exit,
-- done/cancelled) keep the recording time of that completion next to it. No row requires a row of another topic:
-- facts carry their structure and beneficiary ids and are joined only at query time.

-- Values that a later event overwrites (a profile correction, a counsellor's corrected end date) keep every
-- version beside the current row, with the time it was recorded: "as of D" reads the version recorded last by D.

-- Counsellors of the directory, with their active period as it stands now.
CREATE TABLE ${schema}.counsellor (
    counsellor_id UUID PRIMARY KEY,
    structure_id  UUID        NOT NULL,
    active_from   DATE,
    active_until  DATE,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX counsellor_structure ON ${schema}.counsellor (structure_id);

-- The active period after each counsellor event (registered, deactivated or its date corrected, reactivated).
CREATE TABLE ${schema}.counsellor_period (
    counsellor_id UUID        NOT NULL,
    version       INTEGER     NOT NULL,
    structure_id  UUID        NOT NULL,
    active_from   DATE,
    active_until  DATE,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (counsellor_id, version)
);

-- Beneficiaries: categorical facts only. Created by whichever of their events arrives first.
CREATE TABLE ${schema}.beneficiary (
    beneficiary_id     UUID PRIMARY KEY,
    structure_id       UUID        NOT NULL,
    entry_date         DATE,
    orientation_source TEXT,
    registered_at      TIMESTAMPTZ,
    exit_date          DATE,
    exit_reason        TEXT,
    exit_recorded_at   TIMESTAMPTZ,
    erased             BOOLEAN     NOT NULL DEFAULT FALSE,
    recorded_at        TIMESTAMPTZ NOT NULL,
    -- when the profile (entry date, orientation source) held here was recorded; older versions are in
    -- beneficiary_profile
    profile_recorded_at TIMESTAMPTZ
);
CREATE INDEX beneficiary_structure ON ${schema}.beneficiary (structure_id);
CREATE INDEX beneficiary_entry ON ${schema}.beneficiary (entry_date);
-- "as of" a past date looks up older profile versions only for the few rows changed since
CREATE INDEX beneficiary_profile_recorded ON ${schema}.beneficiary (profile_recorded_at);

-- Every profile version: one per registration and per profile change.
CREATE TABLE ${schema}.beneficiary_profile (
    beneficiary_id     UUID        NOT NULL,
    version            INTEGER     NOT NULL,
    entry_date         DATE,
    orientation_source TEXT,
    recorded_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (beneficiary_id, version)
);

-- Referent history: the registration's referent, then every reassignment.
CREATE TABLE ${schema}.referent_assignment (
    beneficiary_id UUID        NOT NULL,
    counsellor_id  UUID        NOT NULL,
    structure_id   UUID        NOT NULL,
    assigned_on    DATE        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (beneficiary_id, assigned_on, counsellor_id)
);

-- Portfolios, pre-aggregated so that the national average portfolio does not walk a million people. A span: the
-- business days [from_on, until_on) during which a person is present and in one referent's portfolio (the referent
-- latest assigned by that day). Recomputed after each of the person's events: spans that no longer hold get
-- superseded_at (the event's recording time), new ones are recorded with it; "as of D" reads the spans recorded by D
-- and not superseded by D.
CREATE TABLE ${schema}.portfolio_span (
    beneficiary_id UUID        NOT NULL,
    event_id       UUID        NOT NULL,
    structure_id   UUID        NOT NULL,
    counsellor_id  UUID        NOT NULL,
    from_on        DATE        NOT NULL,
    until_on       DATE,
    recorded_at    TIMESTAMPTZ NOT NULL,
    superseded_at  TIMESTAMPTZ,
    PRIMARY KEY (beneficiary_id, event_id, counsellor_id, from_on)
);
CREATE INDEX portfolio_span_current ON ${schema}.portfolio_span (beneficiary_id) WHERE superseded_at IS NULL;
CREATE INDEX portfolio_span_recorded ON ${schema}.portfolio_span (recorded_at);
CREATE INDEX portfolio_span_superseded ON ${schema}.portfolio_span (superseded_at);

-- Net moves of the current spans per referent and month: +1 in the month a span starts, -1 in the month it ends.
-- Periods end on a month's last day, so the members of a portfolio at a period's end are the sum of the moves of
-- the months up to that one.
CREATE TABLE ${schema}.portfolio_month (
    structure_id  UUID    NOT NULL,
    counsellor_id UUID    NOT NULL,
    month         DATE    NOT NULL,
    members       INTEGER NOT NULL,
    PRIMARY KEY (structure_id, counsellor_id, month)
);

-- Level-1 contacts; an anonymous contact (no beneficiary) is a person of its own.
CREATE TABLE ${schema}.level1_contact (
    contact_id      UUID PRIMARY KEY,
    structure_id    UUID        NOT NULL,
    counsellor_id   UUID,
    beneficiary_id  UUID,
    contact_date    DATE        NOT NULL,
    channel         TEXT,
    request         TEXT,
    liaison_sheet   BOOLEAN     NOT NULL,
    routed_to       TEXT,
    routed_on       DATE,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX level1_contact_date ON ${schema}.level1_contact (contact_date);
CREATE INDEX level1_contact_structure ON ${schema}.level1_contact (structure_id);
CREATE INDEX level1_contact_counsellor ON ${schema}.level1_contact (counsellor_id, contact_date);

-- Accompaniments (levels 2-3). opened_at / closed_at are the recording times of the opening and of the closure.
CREATE TABLE ${schema}.accompaniment (
    accompaniment_id UUID PRIMARY KEY,
    beneficiary_id   UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    referent_id      UUID,
    level            INTEGER,
    service          TEXT,
    opened_on        DATE,
    opened_at        TIMESTAMPTZ,
    closed_on        DATE,
    outcome          TEXT,
    decision_taken   BOOLEAN,
    closed_at        TIMESTAMPTZ,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX accompaniment_structure ON ${schema}.accompaniment (structure_id);
CREATE INDEX accompaniment_opened ON ${schema}.accompaniment (opened_on);

-- The levels an accompaniment held: one row from its opening, one per level change; a level lasts until the
-- next row's from_date (exclusive) or the closure.
CREATE TABLE ${schema}.accompaniment_level (
    event_id         UUID PRIMARY KEY,
    accompaniment_id UUID        NOT NULL,
    beneficiary_id   UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    referent_id      UUID,
    level            INTEGER     NOT NULL,
    service          TEXT,
    from_date        DATE        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX accompaniment_level_accompaniment ON ${schema}.accompaniment_level (accompaniment_id, from_date);
CREATE INDEX accompaniment_level_structure ON ${schema}.accompaniment_level (structure_id);

CREATE TABLE ${schema}.cep_information (
    event_id         UUID PRIMARY KEY,
    accompaniment_id UUID        NOT NULL,
    beneficiary_id   UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    counsellor_id    UUID,
    informed_on      DATE        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX cep_information_beneficiary ON ${schema}.cep_information (beneficiary_id);

CREATE TABLE ${schema}.interview (
    event_id         UUID PRIMARY KEY,
    interview_id     UUID        NOT NULL,
    accompaniment_id UUID        NOT NULL,
    beneficiary_id   UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    counsellor_id    UUID,
    held_on          DATE        NOT NULL,
    duration_minutes INTEGER     NOT NULL,
    mode             TEXT,
    level            INTEGER     NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX interview_held ON ${schema}.interview (held_on);
-- "counsellors delivering CEP" looks for one act of each active counsellor in the period
CREATE INDEX interview_counsellor ON ${schema}.interview (counsellor_id, held_on);

-- Action-plan items: prescribed on planned_on, done on done_on, or cancelled.
CREATE TABLE ${schema}.action (
    action_id           UUID PRIMARY KEY,
    accompaniment_id    UUID        NOT NULL,
    beneficiary_id      UUID        NOT NULL,
    structure_id        UUID        NOT NULL,
    kind                TEXT        NOT NULL,
    pmsmp_purpose       TEXT,
    alternance_contract TEXT,
    planned_on          DATE,
    planned_at          TIMESTAMPTZ,
    done_on             DATE,
    done_at             TIMESTAMPTZ,
    cancelled_on        DATE,
    cancelled_at        TIMESTAMPTZ,
    recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX action_kind ON ${schema}.action (kind, planned_on);

-- Annual / half-yearly operator declarations; every version is kept, queries read the latest recorded by asOf.
CREATE TABLE ${schema}.declaration (
    structure_id                    UUID        NOT NULL,
    period                          TEXT        NOT NULL,
    period_start                    DATE        NOT NULL,
    period_end                      DATE        NOT NULL,
    version                         INTEGER     NOT NULL,
    submitted_on                    DATE,
    level1_only_fte                 NUMERIC(10, 2) NOT NULL,
    levels23_only_fte               NUMERIC(10, 2) NOT NULL,
    all_levels_fte                  NUMERIC(10, 2) NOT NULL,
    total_fte                       NUMERIC(10, 2) NOT NULL,
    support_fte                     NUMERIC(10, 2) NOT NULL,
    professionalisation_engaged     BOOLEAN     NOT NULL,
    professionalisation_actions     TEXT[]      NOT NULL,
    systematic_training             BOOLEAN     NOT NULL,
    cep_training_days               NUMERIC(10, 2),
    counsellors_trained             INTEGER,
    at_least_one_cep_training       BOOLEAN     NOT NULL,
    mutualised_offer_used           BOOLEAN,
    mutualised_offer_natures        TEXT[]      NOT NULL,
    level1_delivered                BOOLEAN,
    trainings_fit_needs             BOOLEAN,
    cpf_rules_mastered              BOOLEAN,
    new_funders_used                BOOLEAN,
    spro_tools_developed            BOOLEAN,
    cep_kit_used_internally         BOOLEAN,
    recorded_at                     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (structure_id, period_start, period_end, version)
);

-- CPF steps as dated facts: PRESENTED, OPENING_ASSISTED, ALREADY_OPEN, CONSENT, CONSENT_WITHDRAWN.
CREATE TABLE ${schema}.cpf_step (
    event_id       UUID PRIMARY KEY,
    beneficiary_id UUID        NOT NULL,
    structure_id   UUID        NOT NULL,
    counsellor_id  UUID,
    step           TEXT        NOT NULL,
    step_on        DATE        NOT NULL,
    modality       TEXT,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX cpf_step_beneficiary ON ${schema}.cpf_step (beneficiary_id, step);

-- Training projects and what became of them.
CREATE TABLE ${schema}.training_project (
    project_id       UUID PRIMARY KEY,
    beneficiary_id   UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    created_on       DATE,
    cpf_eligible     BOOLEAN,
    started_on       DATE,
    cpf_funded       BOOLEAN,
    started_at       TIMESTAMPTZ,
    completed_on     DATE,
    completed_at     TIMESTAMPTZ,
    recorded_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE ${schema}.training_outcome (
    project_id     UUID PRIMARY KEY,
    beneficiary_id UUID        NOT NULL,
    structure_id   UUID        NOT NULL,
    decided_on     DATE        NOT NULL,
    reasons        TEXT[]      NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE ${schema}.funding_decision (
    event_id       UUID PRIMARY KEY,
    request_id     UUID        NOT NULL,
    project_id     UUID        NOT NULL,
    beneficiary_id UUID        NOT NULL,
    structure_id   UUID        NOT NULL,
    funder         TEXT        NOT NULL,
    decision       TEXT        NOT NULL,
    requested_on   DATE,
    decided_on     DATE        NOT NULL,
    delay_days     INTEGER,
    new_fe         BOOLEAN     NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX funding_decision_project ON ${schema}.funding_decision (project_id);
CREATE INDEX funding_decision_decided ON ${schema}.funding_decision (decided_on);
