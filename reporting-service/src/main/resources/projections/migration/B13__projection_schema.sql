-- The schema of one projection generation, whole: Flyway applies this baseline to a new generation's schema (its
-- placeholder is schema), with a history table of its own (GenerationRepository.migrate), then the migrations
-- numbered after it. A change is a new migration V14, V15... listed in ProjectionMigrations: every live generation
-- gets it when the service starts. A new projection of existing events needs a rebuild
-- (POST /api/v1/admin/projections/rebuild) or a migration filling its table from the facts. A generation whose
-- history stops below this baseline cannot be migrated any more: the service rebuilds it (reporting-service README,
-- "Generations").
--
-- Four parts: the tables (facts, pre-aggregates, the notes a batch folds), their indexes (those only the indicator
-- queries read apart, between the @query-indexes marks), the functions (what a fact contributes, the people's
-- items, the folds, the recomputations), the triggers that keep the pre-aggregates.

-- ============================================================================================================
-- Tables: the facts
-- ============================================================================================================

-- Every fact row keeps recorded_at, when its service recorded it (envelope), so that "as of D" reads
-- recorded_at <= D; business dates decide period membership. Rows that a later event completes (closure, exit,
-- done/cancelled) keep the recording time of that completion next to it. No row requires a row of another topic:
-- facts carry their structure and beneficiary ids and are joined only at query time.

-- Values that a later event overwrites (a profile correction, a counsellor's corrected end date) keep every
-- version beside the current row, with the time it was recorded: "as of D" reads the version recorded last by D.

CREATE TABLE ${schema}.structure (
    structure_id  UUID PRIMARY KEY,
    code          TEXT        NOT NULL,
    region        TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    registered_on DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);

-- Counsellors of the directory, with their active period as it stands now.
CREATE TABLE ${schema}.counsellor (
    counsellor_id UUID PRIMARY KEY,
    structure_id  UUID        NOT NULL,
    active_from   DATE,
    active_until  DATE,
    recorded_at   TIMESTAMPTZ NOT NULL
);

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

CREATE TABLE ${schema}.cep_information (
    event_id         UUID PRIMARY KEY,
    accompaniment_id UUID        NOT NULL,
    beneficiary_id   UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    counsellor_id    UUID,
    informed_on      DATE        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);

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

-- ============================================================================================================
-- Tables: the pre-aggregates, kept in the projection's own transaction (the triggers below) and recomputed from the
-- facts by refresh_monthly_facts() and refresh_people_and_delays() (a rebuild that deferred its upkeep, the bulk
-- loader of the benchmark, which writes the facts with the triggers off)
-- ============================================================================================================

-- Counts by business date, for the indicators that count facts: per structure, month, fact and breakdown key, how
-- many (n) and how many of them meet the fact's second criterion (m: decision taken, funded by the CPF). Periods
-- are whole months, so "as of now" at national scope sums a few thousand rows instead of walking the facts.
-- recorded_max is the latest recording time among the facts counted in the row: a query "as of" an earlier instant
-- takes back the contributions recorded after it, or the exact path over the facts (IndicatorFacts).
CREATE TABLE ${schema}.monthly_fact (
    structure_id UUID        NOT NULL,
    month        DATE        NOT NULL,
    fact         TEXT        NOT NULL,
    key          TEXT,
    n            BIGINT      NOT NULL,
    m            BIGINT      NOT NULL,
    recorded_max TIMESTAMPTZ NOT NULL,
    CONSTRAINT monthly_fact_key UNIQUE NULLS NOT DISTINCT (fact, month, structure_id, key)
);

-- A training project counts in the month of its first funding decision, at its structure, if any of its decisions
-- marks new financial engineering: a fact of the project, not of one decision row, so that monthly_fact cannot take
-- it from funding_decision's own contributions. funding_project holds each project as its decisions make it now
-- (recomputed for the projects a statement on funding_decision touched, in that statement) and contributes to
-- monthly_fact as the fact tables do ('new-fe-project': one per engineered project). The project's structure is the
-- one of its earliest decision (the projections never move a project between structures; the rule only makes the
-- choice deterministic). recorded_max, the latest recording among its decisions: the project as it stands rests on
-- all of them, so "as of" an earlier instant takes the exact path.
CREATE TABLE ${schema}.funding_project (
    project_id   UUID PRIMARY KEY,
    structure_id UUID        NOT NULL,
    first_on     DATE        NOT NULL,
    new_fe       BOOLEAN     NOT NULL,
    recorded_max TIMESTAMPTZ NOT NULL
);

-- Distinct people over a period (CEP beneficiaries, the accompanied and their shares, structures tracing level 1 or
-- recording CEP), exact "as of now" for periods of whole months. A person is in a period P = [s, e] (months) for a
-- fact when the fact's first month a <= e and its last month b >= s: an accompaniment from its opening to its
-- closure, a level from its start to the day before the next change or to the closure, a contact on its day, a CPF
-- step from its date to the day before its withdrawal. Per person, line (what is counted: 'all', 'level-2',
-- 'accompanied', 'cpf-consent'...) and structure, those quadrants reduce to a staircase (a and b both increasing; a
-- dominated quadrant dropped), and the person is in P exactly once when P meets any of them: +1 for each step
-- (a_i, b_i), -1 for each (a_i+1, b_i) where two neighbours overlap. Whole months suffice: a fact dated in P's first
-- or last month meets P whatever its day.
--
-- member_item: the items, recomputed per person from the facts after a change of one of the person's facts (the
-- groups of lines the change can move only, line_group()); corrections moving a date, closures taken back,
-- withdrawals and removed facts move the counts; an erasure keeps the facts and changes nothing.
CREATE TABLE ${schema}.member_item (
    person       UUID        NOT NULL,
    line         TEXT        NOT NULL,
    structure_id UUID        NOT NULL,
    a            DATE        NOT NULL,
    b            DATE        NOT NULL,
    w            INTEGER     NOT NULL,
    shared       BOOLEAN     NOT NULL,
    recorded     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person, line, structure_id, a, b)
);

-- Per period a step with a <= b counts from its month a (starts) until it ends in month b (ends): P sums the starts
-- up to e and takes back the ends before s, whatever P's length, with no row per period and none for accompaniments
-- still open. The counters are updated by nearly every batch, a few hundred of them each time: room on their pages
-- lets an update stay on its page without new index entries (nothing indexed changes).
CREATE TABLE ${schema}.member_month (
    line         TEXT        NOT NULL,
    month        DATE        NOT NULL,
    structure_id UUID        NOT NULL,
    starts       BIGINT      NOT NULL,
    ends         BIGINT      NOT NULL,
    PRIMARY KEY (line, month, structure_id)
) WITH (fillfactor = 70);

-- A step with a > b (a withdrawal on the day of the step, a level changed after the closure, a second contact after
-- the first month's) counts only for the periods holding both its months: summed per structure, line and pair of
-- months (at 1,000,000 people, 33,657 sums for 763,000 inverted items), moved by the fold with the items that went
-- and came as member_month is; a sum back to zero goes, as a recomputation writes none.
CREATE TABLE ${schema}.member_pair (
    structure_id UUID   NOT NULL,
    line         TEXT   NOT NULL,
    b            DATE   NOT NULL,
    a            DATE   NOT NULL,
    w            BIGINT NOT NULL,
    PRIMARY KEY (structure_id, line, b, a)
);

-- Counsellors delivering CEP: per accompaniment, its referents' periods in whole months (the accompaniment from
-- opening to closure for its referent, each level held for the level's referent), so that a change of an
-- accompaniment or of a level recomputes the rows of that accompaniment only, whatever the caseloads. The indicator
-- asks whether a counsellor was referent of something meeting the period, an existence that needs no staircase: a
-- period P of whole months meets a quadrant (a, b) in days exactly when month(a) <= P's end and month(b) >= P's
-- start.
CREATE TABLE ${schema}.referent_item (
    accompaniment_id UUID        NOT NULL,
    referent_id      UUID        NOT NULL,
    structure_id     UUID        NOT NULL,
    a                DATE        NOT NULL,
    b                DATE        NOT NULL,
    recorded         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (accompaniment_id, referent_id, structure_id, a, b)
);

-- Funding delays in whole days: per structure, month of decision, funder and delay, how many answers.
-- histogram_percentile() gives what percentile_cont gives over the answers themselves, bit for bit.
CREATE TABLE ${schema}.delay_day (
    month        DATE        NOT NULL,
    structure_id UUID        NOT NULL,
    funder       TEXT        NOT NULL,
    delay_days   INTEGER     NOT NULL,
    n            BIGINT      NOT NULL,
    recorded_max TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (month, structure_id, funder, delay_days)
);

-- The delays summed over the structures, for the national scope, which takes back the rows of structures outside
-- the scope (found through delay_structures()); one region or structure reads delay_day by structure and month.
CREATE TABLE ${schema}.delay_month (
    month      DATE    NOT NULL,
    funder     TEXT    NOT NULL,
    delay_days INTEGER NOT NULL,
    n          BIGINT  NOT NULL,
    PRIMARY KEY (month, funder, delay_days)
);

-- ============================================================================================================
-- Tables: what a statement notes for the fold of its batch
-- ============================================================================================================

-- A statement's triggers only note what it changed; fold_pre_aggregates() moves what is noted into the
-- pre-aggregates once per projection batch, before its commit (reporting.monthly_fact_fold = 'batch' for the
-- transaction, GenerationBatch), each row once; any other statement folds at its end. Rows live within one
-- transaction: no index, no WAL; lost in a crash, they are lost with the transaction that wrote them.
CREATE UNLOGGED TABLE ${schema}.monthly_fact_change (
    structure_id UUID,
    month        DATE,
    fact         TEXT,
    key          TEXT,
    n            BIGINT,
    m            BIGINT,
    recorded     TIMESTAMPTZ
);

-- whom a statement touched: the person (or anonymous contact) before and after, for an accompaniment or a level also
-- the accompaniment (its levels' referents are looked up at the fold), and the group of lines the change can move
CREATE UNLOGGED TABLE ${schema}.people_change (
    person           UUID,
    accompaniment_id UUID,
    lines            TEXT NOT NULL DEFAULT 'all'
);

-- each funding decision's contribution to the histogram, netted per decision
CREATE UNLOGGED TABLE ${schema}.delay_day_change (
    month        DATE,
    structure_id UUID,
    funder       TEXT,
    delay_days   INTEGER,
    n            BIGINT,
    recorded     TIMESTAMPTZ
);

-- ============================================================================================================
-- Indexes
-- ============================================================================================================

CREATE INDEX structure_region ON ${schema}.structure (region);
CREATE INDEX counsellor_structure ON ${schema}.counsellor (structure_id);
CREATE INDEX beneficiary_structure ON ${schema}.beneficiary (structure_id);
CREATE INDEX beneficiary_entry ON ${schema}.beneficiary (entry_date);
-- "as of" a past date looks up older profile versions only for the few rows changed since
CREATE INDEX beneficiary_profile_recorded ON ${schema}.beneficiary (profile_recorded_at);
CREATE INDEX portfolio_span_current ON ${schema}.portfolio_span (beneficiary_id) WHERE superseded_at IS NULL;
CREATE INDEX portfolio_span_recorded ON ${schema}.portfolio_span (recorded_at);
CREATE INDEX portfolio_span_superseded ON ${schema}.portfolio_span (superseded_at);
CREATE INDEX level1_contact_date ON ${schema}.level1_contact (contact_date);
CREATE INDEX level1_contact_structure ON ${schema}.level1_contact (structure_id);
CREATE INDEX level1_contact_counsellor ON ${schema}.level1_contact (counsellor_id, contact_date);
CREATE INDEX accompaniment_structure ON ${schema}.accompaniment (structure_id);
CREATE INDEX accompaniment_opened ON ${schema}.accompaniment (opened_on);
CREATE INDEX accompaniment_level_accompaniment ON ${schema}.accompaniment_level (accompaniment_id, from_date);
CREATE INDEX accompaniment_level_structure ON ${schema}.accompaniment_level (structure_id);
CREATE INDEX cep_information_beneficiary ON ${schema}.cep_information (beneficiary_id);
CREATE INDEX interview_held ON ${schema}.interview (held_on);
-- "counsellors delivering CEP" looks for one act of each active counsellor in the period
CREATE INDEX interview_counsellor ON ${schema}.interview (counsellor_id, held_on);
CREATE INDEX action_kind ON ${schema}.action (kind, planned_on);
CREATE INDEX cpf_step_beneficiary ON ${schema}.cpf_step (beneficiary_id, step);
CREATE INDEX funding_decision_project ON ${schema}.funding_decision (project_id);
CREATE INDEX funding_decision_decided ON ${schema}.funding_decision (decided_on);
-- the people's items are recomputed from a person's facts, looked up by person
CREATE INDEX accompaniment_beneficiary ON ${schema}.accompaniment (beneficiary_id);
CREATE INDEX accompaniment_level_beneficiary ON ${schema}.accompaniment_level (beneficiary_id);
CREATE INDEX level1_contact_person ON ${schema}.level1_contact ((coalesce(beneficiary_id, contact_id)));

CREATE INDEX monthly_fact_recorded ON ${schema}.monthly_fact (recorded_max);
-- the people counted at two structures of one scope are taken back once
CREATE INDEX member_item_shared ON ${schema}.member_item (line) WHERE shared;
-- "as of now" holds while nothing the items rest on was recorded after asOf: the latest recording among the items
-- as they stand (the counters would keep the greatest ever seen, which depends on the order events came in)
CREATE INDEX member_item_recorded ON ${schema}.member_item (recorded);
-- one structure's or one region's scope reads its own counters only (indicators/sets/members.sql)
CREATE INDEX member_month_structure ON ${schema}.member_month (structure_id, month);
-- the indicator's look-up: one counsellor's rows by their first month
CREATE INDEX referent_item_referent ON ${schema}.referent_item (referent_id, a);
CREATE INDEX referent_item_recorded ON ${schema}.referent_item (recorded);
CREATE INDEX delay_day_recorded ON ${schema}.delay_day (recorded_max);
-- one region's or structure's delays (the primary key leads by month)
CREATE INDEX delay_day_structure ON ${schema}.delay_day (structure_id, month);

-- @query-indexes
-- Indexes only the indicator queries read (the exact path, "as of" a past instant), never the projections'
-- statements nor the folds: a generation being rebuilt is fed without them and builds them once caught up
-- (GenerationRepository.restoreUpkeep; they cost ingestion 15 % of its rate). CREATE INDEX statements only between
-- these marks; a later migration dropping or replacing one of them must say IF EXISTS.
--
-- The CPF shares of the accompanied read the steps of one kind dated by the period's end and the withdrawals of that
-- kind dated by its start: with no index led by the step, each query read all of cpf_step twice (1.5 million rows at
-- a million people, 2.5-3 s per share under load). Covering, so that the steps are read from the index alone once
-- VACUUM has marked their pages visible.
CREATE INDEX cpf_step_step ON ${schema}.cpf_step (step, step_on) INCLUDE (beneficiary_id, recorded_at, modality);
--
-- Counsellors delivering CEP, exact path: per active counsellor not met in person, an accompaniment or a level of
-- theirs found through the referent's index, the search stopping at the first (counsellors-delivering-cep.sql),
-- instead of the sets of every accompaniment active and every level held. At a million people, the referent's
-- question for all 1,020 counsellors takes 114 ms with them.
CREATE INDEX accompaniment_referent ON ${schema}.accompaniment (referent_id);
CREATE INDEX accompaniment_level_referent ON ${schema}.accompaniment_level (referent_id);
--
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
--
-- The counts by business date (monthly_fact) answer the exact path too ("as of" a past instant after the period)
-- once the contributions of the rows recorded after asOf are taken back (indicators/fragments/facts.sql), those rows
-- found likewise by their recording lag: one index per recording time a contribution carries (the *_contributions
-- functions); accompaniment's opening and closure have theirs above.
CREATE INDEX action_planned_lag ON ${schema}.action
    ((CAST(planned_at AT TIME ZONE 'UTC' AS DATE) - planned_on), planned_at, planned_on);
CREATE INDEX action_done_lag ON ${schema}.action
    ((CAST(done_at AT TIME ZONE 'UTC' AS DATE) - done_on), done_at, done_on);
CREATE INDEX training_outcome_lag ON ${schema}.training_outcome
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - decided_on), recorded_at, decided_on);
CREATE INDEX training_project_started_lag ON ${schema}.training_project
    ((CAST(started_at AT TIME ZONE 'UTC' AS DATE) - started_on), started_at, started_on);
CREATE INDEX funding_decision_lag ON ${schema}.funding_decision
    ((CAST(recorded_at AT TIME ZONE 'UTC' AS DATE) - decided_on), recorded_at, decided_on);
CREATE INDEX beneficiary_exit_lag ON ${schema}.beneficiary
    ((CAST(exit_recorded_at AT TIME ZONE 'UTC' AS DATE) - exit_date), exit_recorded_at, exit_date);
-- an entry counts once the person is registered and the profile recorded: the later of the two
CREATE INDEX beneficiary_entry_lag ON ${schema}.beneficiary
    ((CAST(greatest(registered_at, profile_recorded_at) AT TIME ZONE 'UTC' AS DATE) - entry_date),
     (greatest(registered_at, profile_recorded_at)), entry_date);
-- the people whose profile changed after their registration: as of an instant between the two, their entry counts
-- with the profile recorded last by then (beneficiary_profile)
CREATE INDEX beneficiary_profile_changed ON ${schema}.beneficiary (profile_recorded_at)
    WHERE profile_recorded_at > registered_at;
-- @end-query-indexes

-- ============================================================================================================
-- Functions: what a fact row contributes to monthly_fact, written once per table; the triggers apply it to every
-- change of a fact row (its old contribution taken back, its new one added: a correction moving a date moves the
-- count), refresh_monthly_facts() recomputes the table from it
-- ============================================================================================================

CREATE FUNCTION ${schema}.accompaniment_contributions(a ${schema}.accompaniment)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT a.structure_id, CAST(date_trunc('month', a.opened_on) AS DATE), 'opened', 'level-' || a.level, 1::BIGINT,
           0::BIGINT, a.opened_at
    WHERE a.opened_at IS NOT NULL AND a.opened_on IS NOT NULL
    UNION ALL
    SELECT a.structure_id, CAST(date_trunc('month', a.closed_on) AS DATE), 'closed', a.outcome, 1,
           CASE WHEN a.decision_taken THEN 1 ELSE 0 END, a.closed_at
    WHERE a.closed_at IS NOT NULL AND a.closed_on IS NOT NULL
$$;

CREATE FUNCTION ${schema}.action_contributions(a ${schema}.action)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT a.structure_id, CAST(date_trunc('month', d.on_day) AS DATE), lower(a.kind) || d.step,
           CASE a.kind WHEN 'PMSMP' THEN a.pmsmp_purpose WHEN 'ALTERNANCE' THEN a.alternance_contract END,
           1::BIGINT, 0::BIGINT, d.at
    FROM (VALUES ('-prescribed', a.planned_on, a.planned_at), ('-done', a.done_on, a.done_at)) AS d (step, on_day, at)
    WHERE d.at IS NOT NULL AND d.on_day IS NOT NULL
$$;

CREATE FUNCTION ${schema}.training_outcome_contributions(o ${schema}.training_outcome)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT o.structure_id, CAST(date_trunc('month', o.decided_on) AS DATE), 'not-implemented', NULL, 1::BIGINT,
           0::BIGINT, o.recorded_at
    UNION ALL
    SELECT o.structure_id, CAST(date_trunc('month', o.decided_on) AS DATE), 'not-implemented-reason', r, 1, 0,
           o.recorded_at
    FROM unnest(o.reasons) AS r
$$;

CREATE FUNCTION ${schema}.training_project_contributions(p ${schema}.training_project)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT p.structure_id, CAST(date_trunc('month', p.started_on) AS DATE), 'started', NULL, 1::BIGINT,
           CASE WHEN p.cpf_funded THEN 1 ELSE 0 END::BIGINT, p.started_at
    WHERE p.started_at IS NOT NULL AND p.started_on IS NOT NULL
$$;

CREATE FUNCTION ${schema}.funding_decision_contributions(f ${schema}.funding_decision)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT f.structure_id, CAST(date_trunc('month', f.decided_on) AS DATE), 'decision', f.decision, 1::BIGINT,
           0::BIGINT, f.recorded_at
    UNION ALL
    SELECT f.structure_id, CAST(date_trunc('month', f.decided_on) AS DATE), 'decision-funder', f.funder, 1, 0,
           f.recorded_at
$$;

CREATE FUNCTION ${schema}.beneficiary_contributions(b ${schema}.beneficiary)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT b.structure_id, CAST(date_trunc('month', b.exit_date) AS DATE), 'exit', b.exit_reason, 1::BIGINT,
           0::BIGINT, b.exit_recorded_at
    WHERE b.exit_recorded_at IS NOT NULL AND b.exit_date IS NOT NULL
    UNION ALL
    -- an entry counts with the profile it has now, once the person is registered
    SELECT b.structure_id, CAST(date_trunc('month', b.entry_date) AS DATE), 'entry', b.orientation_source, 1,
           CASE WHEN b.orientation_source = 'POLE_EMPLOI' THEN 1 ELSE 0 END,
           greatest(b.registered_at, b.profile_recorded_at)
    WHERE b.registered_at IS NOT NULL AND b.profile_recorded_at IS NOT NULL AND b.entry_date IS NOT NULL
$$;

CREATE FUNCTION ${schema}.funding_project_contributions(p ${schema}.funding_project)
RETURNS TABLE (structure_id UUID, month DATE, fact TEXT, key TEXT, n BIGINT, m BIGINT, recorded TIMESTAMPTZ)
LANGUAGE sql IMMUTABLE AS $$
    SELECT p.structure_id, CAST(date_trunc('month', p.first_on) AS DATE), 'new-fe-project', NULL, 1::BIGINT,
           0::BIGINT, p.recorded_max
    WHERE p.new_fe
$$;

-- every fact table's contributions summed (refresh_monthly_facts() adds the projects')
CREATE FUNCTION ${schema}.refresh_fact_table_contributions() RETURNS VOID LANGUAGE sql AS $$
    TRUNCATE ${schema}.monthly_fact;
    INSERT INTO ${schema}.monthly_fact (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM (
        SELECT x.* FROM ${schema}.accompaniment a, ${schema}.accompaniment_contributions(a) x
        UNION ALL SELECT x.* FROM ${schema}.action a, ${schema}.action_contributions(a) x
        UNION ALL SELECT x.* FROM ${schema}.training_outcome o, ${schema}.training_outcome_contributions(o) x
        UNION ALL SELECT x.* FROM ${schema}.training_project p, ${schema}.training_project_contributions(p) x
        UNION ALL SELECT x.* FROM ${schema}.funding_decision f, ${schema}.funding_decision_contributions(f) x
        UNION ALL SELECT x.* FROM ${schema}.beneficiary b, ${schema}.beneficiary_contributions(b) x
    ) c
    GROUP BY c.structure_id, c.month, c.fact, c.key;
$$;

-- The projects of ids as their decisions make them (all of them when ids is NULL: a refresh).
CREATE FUNCTION ${schema}.funding_projects(ids UUID[])
RETURNS TABLE (project_id UUID, structure_id UUID, first_on DATE, new_fe BOOLEAN, recorded_max TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT f.project_id, (array_agg(f.structure_id ORDER BY f.decided_on, f.recorded_at, f.event_id))[1],
           min(f.decided_on), bool_or(f.new_fe), max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE ids IS NULL OR f.project_id = ANY(ids)
    GROUP BY f.project_id
$$;

-- A statement's projects recomputed: gone when no decision is left, written only when they change (an unchanged
-- project notes nothing in monthly_fact_change). PL/pgSQL with a generic plan: planned once per connection, not at
-- each funding decision statement.
CREATE FUNCTION ${schema}.fold_funding_projects(ids UUID[]) RETURNS VOID LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    DELETE FROM ${schema}.funding_project p WHERE p.project_id = ANY(ids)
      AND NOT EXISTS (SELECT 1 FROM ${schema}.funding_decision f WHERE f.project_id = p.project_id);
    INSERT INTO ${schema}.funding_project AS t (project_id, structure_id, first_on, new_fe, recorded_max)
    -- the key's filter again outside: funding_projects() also serves a refresh (ids NULL), which a plan made once
    -- cannot tell apart; with it the decisions are read by project through their index in any plan
    SELECT x.* FROM ${schema}.funding_projects(ids) x WHERE x.project_id = ANY(ids) ORDER BY x.project_id
    ON CONFLICT (project_id) DO UPDATE
    SET structure_id = excluded.structure_id, first_on = excluded.first_on, new_fe = excluded.new_fe,
        recorded_max = excluded.recorded_max
    WHERE (t.structure_id, t.first_on, t.new_fe, t.recorded_max)
          IS DISTINCT FROM (excluded.structure_id, excluded.first_on, excluded.new_fe, excluded.recorded_max);
END
$$;

-- The recomputation: the projects first, then every fact table's contributions and the projects'. PL/pgSQL: each
-- statement's triggers have run when the next one starts; what they noted is then obsolete (everything is
-- recomputed from the facts), whatever the fold mode of the transaction.
CREATE FUNCTION ${schema}.refresh_monthly_facts() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.funding_project;
    INSERT INTO ${schema}.funding_project SELECT x.* FROM ${schema}.funding_projects(NULL) x;
    DELETE FROM ${schema}.monthly_fact_change;
    PERFORM ${schema}.refresh_fact_table_contributions();
    INSERT INTO ${schema}.monthly_fact (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded)
    FROM ${schema}.funding_project p, ${schema}.funding_project_contributions(p) c
    GROUP BY c.structure_id, c.month, c.fact, c.key;
END
$$;

-- What is noted folded into monthly_fact in one statement. Every row touched is written, even when its changes net
-- to nothing: monthly_fact is then the same whatever the batches were (a rebuild's large ones, the live channel's
-- small ones), row for row. Rows are written in key order so that two transactions folding the same rows lock them
-- in the same order. PL/pgSQL: planned once per connection (a SQL function's statement is planned at each call).
CREATE FUNCTION ${schema}.fold_monthly_facts() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    WITH noted AS (DELETE FROM ${schema}.monthly_fact_change RETURNING *)
    INSERT INTO ${schema}.monthly_fact AS t (structure_id, month, fact, key, n, m, recorded_max)
    SELECT c.structure_id, c.month, c.fact, c.key, sum(c.n), sum(c.m), max(c.recorded) FROM noted c
    GROUP BY c.fact, c.month, c.structure_id, c.key
    ORDER BY c.fact, c.month, c.structure_id, c.key
    ON CONFLICT ON CONSTRAINT monthly_fact_key DO UPDATE
    SET n = t.n + excluded.n, m = t.m + excluded.m, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
END
$$;

-- ============================================================================================================
-- Functions: the people's items and the referents' rows
-- ============================================================================================================

-- Each fact table feeds only some lines of member_quadrants(), in groups:
--   'held'        all, level-N, service-X, l1: the levels held (accompaniment_level, closed by the accompaniment)
--                 and the level-1 contacts;
--   'informed'    informed: CEP information, during an accompaniment;
--   'steps'       cpf-*, consent-*: CPF steps, during an accompaniment;
--   'accompanied' accompanied: the accompaniment alone.
-- An accompaniment feeds all four ('all'). A staircase is per person, line and structure, and an item's sharing per
-- person and line, so the items of a person's lines of one group are a function of the facts feeding it alone: the
-- notes say which group a change can move (people_change.lines), and the fold recomputes and reads only those lines.
CREATE FUNCTION ${schema}.line_group(line TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN line = 'accompanied' THEN 'accompanied'
                WHEN line = 'informed' THEN 'informed'
                WHEN line LIKE 'cpf-%' OR line LIKE 'consent-%' THEN 'steps'
                ELSE 'held' END
$$;

-- The facts of the given people as quadrants in days (b 'infinity' while open), per line, for each group of lines
-- only the people asked for it; the rules are those of the indicator resources' sets (active, held, l1) and of their
-- numerators, as of now. One array per group, each person's look-ups a semi-join on the array's people: the same
-- plans for a batch's few people and for everyone at once.
CREATE FUNCTION ${schema}.member_quadrants(held_ids UUID[], informed_ids UUID[], steps_ids UUID[],
                                           accompanied_ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH active AS (
        SELECT x.beneficiary_id AS person, x.structure_id, x.opened_on AS a,
               CASE WHEN x.closed_at IS NULL THEN 'infinity'::DATE ELSE x.closed_on END AS b,
               greatest(x.opened_at, x.closed_at) AS recorded
        FROM ${schema}.accompaniment x
        WHERE x.beneficiary_id IN (SELECT unnest(informed_ids) UNION SELECT unnest(steps_ids)
                                   UNION SELECT unnest(accompanied_ids))
          AND x.opened_at IS NOT NULL AND x.opened_on IS NOT NULL
          AND (x.closed_at IS NULL OR x.closed_on IS NOT NULL)
    ),
    -- every level of the people's accompaniments: a level lasts until the next one, whoever's it is
    levels AS (
        SELECT l.beneficiary_id AS person, l.accompaniment_id, l.structure_id, l.level, l.service, l.from_date,
               lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                   AS next_from,
               max(l.recorded_at) OVER (PARTITION BY l.accompaniment_id) AS recorded_at
        FROM ${schema}.accompaniment_level l
        WHERE l.accompaniment_id IN (SELECT y.accompaniment_id FROM ${schema}.accompaniment_level y
                                     WHERE y.beneficiary_id IN (SELECT unnest(held_ids)))
    ),
    held AS (
        SELECT lv.person, lv.structure_id, lv.level, lv.service, lv.from_date AS a,
               least(coalesce(lv.next_from - 1, 'infinity'::DATE),
                     CASE WHEN c.closed_at IS NULL THEN 'infinity'::DATE
                          ELSE coalesce(c.closed_on, 'infinity'::DATE) END) AS b,
               greatest(lv.recorded_at, c.closed_at) AS recorded
        FROM levels lv LEFT JOIN ${schema}.accompaniment c ON c.accompaniment_id = lv.accompaniment_id
        WHERE (lv.next_from IS NULL OR lv.next_from > lv.from_date)
          AND lv.person IN (SELECT unnest(held_ids))
    ),
    l1 AS (
        SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id, c.contact_date AS a,
               c.contact_date AS b, c.recorded_at AS recorded
        FROM ${schema}.level1_contact c
        WHERE coalesce(c.beneficiary_id, c.contact_id) IN (SELECT unnest(held_ids))
    ),
    informed AS (
        SELECT i.beneficiary_id AS person, min(i.informed_on) AS since, max(i.recorded_at) AS recorded
        FROM ${schema}.cep_information i
        WHERE i.beneficiary_id IN (SELECT unnest(informed_ids))
        GROUP BY i.beneficiary_id
    ),
    -- the steps the items read and their withdrawals, in one look-up per person
    cpf AS (
        SELECT s.beneficiary_id AS person, s.step, s.modality, s.step_on, s.recorded_at,
               s.step LIKE '%\_WITHDRAWN' AS withdrawn
        FROM ${schema}.cpf_step s
        WHERE s.beneficiary_id IN (SELECT unnest(steps_ids))
          AND s.step IN ('PRESENTED', 'OPENING_ASSISTED', 'CONSENT', 'PRESENTED_WITHDRAWN',
                         'OPENING_ASSISTED_WITHDRAWN', 'CONSENT_WITHDRAWN')
    ),
    -- a step counts from its date to the day before its first withdrawal on or after it: per person and
    -- step, in descending dates, the withdrawals from the step's date on are the rows up to the step and its peers
    -- (a sort, whatever the number of people, instead of a look-up per step)
    steps AS (
        SELECT w.person, w.step, w.modality, w.step_on AS a, coalesce(w.on_day - 1, 'infinity'::DATE) AS b,
               greatest(w.recorded_at, w.at) AS recorded
        FROM (SELECT c.*,
                     min(c.step_on) FILTER (WHERE c.withdrawn) OVER later AS on_day,
                     max(c.recorded_at) FILTER (WHERE c.withdrawn) OVER later AS at
              FROM cpf c
              WINDOW later AS (PARTITION BY c.person,
                                            CASE WHEN c.withdrawn THEN left(c.step, -length('_WITHDRAWN'))
                                                 ELSE c.step END
                               ORDER BY c.step_on DESC)) w
        WHERE NOT w.withdrawn
    )
    SELECT person, 'all', structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'level-' || level, structure_id, a, b, recorded FROM held
    UNION ALL SELECT person, 'service-' || service, structure_id, a, b, recorded FROM held WHERE service IS NOT NULL
    UNION ALL SELECT person, 'all', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'level-1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'l1', structure_id, a, b, recorded FROM l1
    UNION ALL SELECT person, 'accompanied', structure_id, a, b, recorded FROM active
    WHERE person IN (SELECT unnest(accompanied_ids))
    -- the numerators: accompanied in P and informed (a step taken, not withdrawn) for P
    UNION ALL SELECT x.person, 'informed', x.structure_id, greatest(x.a, i.since), x.b, greatest(x.recorded, i.recorded)
    FROM active x JOIN informed i ON i.person = x.person
    UNION ALL SELECT x.person, 'cpf-' || lower(s.step), x.structure_id, greatest(x.a, s.a), least(x.b, s.b),
           greatest(x.recorded, s.recorded)
    FROM active x JOIN steps s ON s.person = x.person
    UNION ALL SELECT x.person, 'consent-' || s.modality, x.structure_id, greatest(x.a, s.a), least(x.b, s.b),
           greatest(x.recorded, s.recorded)
    FROM active x JOIN steps s ON s.person = x.person WHERE s.step = 'CONSENT' AND s.modality IS NOT NULL
$$;

-- Every line of the given people: the recomputation from scratch (refresh_people_and_delays()).
CREATE FUNCTION ${schema}.member_quadrants(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT q.* FROM ${schema}.member_quadrants(ids, ids, ids, ids) q
$$;

-- The quadrants in months, reduced to their staircase per person, line and structure (see member_item).
CREATE FUNCTION ${schema}.member_staircase(held_ids UUID[], informed_ids UUID[], steps_ids UUID[],
                                           accompanied_ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, w INTEGER, shared BOOLEAN,
               recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH months AS (
        SELECT q.person, q.line, q.structure_id, CAST(date_trunc('month', q.a) AS DATE) AS a,
               CASE WHEN q.b = 'infinity' THEN q.b ELSE CAST(date_trunc('month', q.b) AS DATE) END AS b, q.recorded
        FROM ${schema}.member_quadrants(held_ids, informed_ids, steps_ids, accompanied_ids) q
    ),
    widest AS (
        SELECT m.person, m.line, m.structure_id, m.a, max(m.b) AS b, max(m.recorded) AS recorded
        FROM months m GROUP BY m.person, m.line, m.structure_id, m.a
    ),
    steps AS (
        SELECT x.*, lead(x.a) OVER (PARTITION BY x.person, x.line, x.structure_id ORDER BY x.a) AS next_a,
               min(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line)
                   <> max(CAST(x.structure_id AS TEXT)) OVER (PARTITION BY x.person, x.line) AS shared
        FROM (SELECT y.*, max(y.b) OVER (PARTITION BY y.person, y.line, y.structure_id ORDER BY y.a
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
              FROM widest y) x
        WHERE x.before IS NULL OR x.b > x.before
    )
    SELECT person, line, structure_id, a, b, 1, shared, recorded FROM steps
    UNION ALL
    SELECT person, line, structure_id, next_a, b, -1, shared, recorded FROM steps WHERE next_a IS NOT NULL
$$;

CREATE FUNCTION ${schema}.member_staircase(ids UUID[])
RETURNS TABLE (person UUID, line TEXT, structure_id UUID, a DATE, b DATE, w INTEGER, shared BOOLEAN,
               recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    SELECT s.* FROM ${schema}.member_staircase(ids, ids, ids, ids) s
$$;

-- What items add to the monthly counters: a step with a <= b starts in month a and ends in month b.
CREATE FUNCTION ${schema}.member_moves(i ${schema}.member_item)
RETURNS TABLE (line TEXT, month DATE, structure_id UUID, starts BIGINT, ends BIGINT)
LANGUAGE sql IMMUTABLE AS $$
    SELECT i.line, i.a, i.structure_id, CAST(i.w AS BIGINT), 0::BIGINT WHERE i.a <= i.b AND i.line <> 'referent'
    UNION ALL
    SELECT i.line, i.b, i.structure_id, 0, i.w WHERE i.a <= i.b AND i.b <> 'infinity' AND i.line <> 'referent'
$$;

-- The referents' quadrants of the given accompaniments in whole months (b 'infinity' while open), one row per
-- distinct quadrant with the latest recording it rests on.
CREATE FUNCTION ${schema}.referent_quadrants(accompaniments UUID[])
RETURNS TABLE (accompaniment_id UUID, referent_id UUID, structure_id UUID, a DATE, b DATE, recorded TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
    WITH acc AS (
        SELECT x.accompaniment_id, x.referent_id, x.structure_id, x.opened_on AS a,
               CASE WHEN x.closed_at IS NULL THEN 'infinity'::DATE ELSE x.closed_on END AS b,
               greatest(x.opened_at, x.closed_at) AS recorded
        FROM ${schema}.accompaniment x
        WHERE x.accompaniment_id = ANY(accompaniments)
          AND x.opened_at IS NOT NULL AND x.opened_on IS NOT NULL AND x.referent_id IS NOT NULL
    ),
    -- every level of the accompaniments: a level lasts until the next one, whoever its referent
    levels AS (
        SELECT l.referent_id, l.accompaniment_id, l.structure_id, l.from_date,
               lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                   AS next_from,
               -- a level's end rests on the levels after it
               max(l.recorded_at) OVER (PARTITION BY l.accompaniment_id) AS recorded_at
        FROM ${schema}.accompaniment_level l
        WHERE l.accompaniment_id = ANY(accompaniments)
    ),
    held AS (
        SELECT lv.accompaniment_id, lv.referent_id, lv.structure_id, lv.from_date AS a,
               least(coalesce(lv.next_from - 1, 'infinity'::DATE),
                     CASE WHEN c.closed_at IS NULL THEN 'infinity'::DATE
                          ELSE coalesce(c.closed_on, 'infinity'::DATE) END) AS b,
               greatest(lv.recorded_at, c.closed_at) AS recorded
        FROM levels lv LEFT JOIN ${schema}.accompaniment c ON c.accompaniment_id = lv.accompaniment_id
        WHERE (lv.next_from IS NULL OR lv.next_from > lv.from_date) AND lv.referent_id IS NOT NULL
    ),
    quadrants AS (
        SELECT q.accompaniment_id, q.referent_id, q.structure_id, q.a, q.b, q.recorded FROM acc q WHERE q.b IS NOT NULL
        UNION ALL SELECT h.accompaniment_id, h.referent_id, h.structure_id, h.a, h.b, h.recorded FROM held h
    )
    SELECT q.accompaniment_id, q.referent_id, q.structure_id, CAST(date_trunc('month', q.a) AS DATE),
           CASE WHEN q.b = 'infinity' THEN q.b ELSE CAST(date_trunc('month', q.b) AS DATE) END, max(q.recorded)
    FROM quadrants q GROUP BY 1, 2, 3, 4, 5
$$;

-- ============================================================================================================
-- Functions: the folds, once per projection batch before its commit, or at the end of any other statement
-- ============================================================================================================

-- Two instances of the service may fold the same people at once (a person's CEP and CPF events on partitions read by
-- different instances): the counters move by the difference from the items read, so folds of one generation take a
-- transaction lock first and read what the previous fold committed. One lock per generation, in its own key space
-- (the two-key form).
CREATE FUNCTION ${schema}.lock_pre_aggregates() RETURNS VOID LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('pre-aggregates'), hashtext('${schema}'));
$$;

-- Everyone noted gets the items of the groups of lines noted recomputed from the facts as they stand, all in one
-- statement, and the referent rows of the accompaniments noted; the counters move by the items that went and came
-- only (most items recomputed are those already kept), netted first, and only those items are written. A generic
-- plan holds for any batch: the statements take the batch's keys as arrays and every look-up goes by the person's,
-- the accompaniment's or the item's key through an index, so the plan does not depend on how many there are (a
-- custom plan per call planned the inlined recomputation again at each batch: ~100 ms of planning where running it
-- for a dozen people took ~10 ms). A later migration replacing fold_people() must keep the setting (CREATE OR
-- REPLACE without it drops it).
CREATE FUNCTION ${schema}.fold_people() RETURNS VOID LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    ids UUID[];
    groups TEXT[];
    held_ids UUID[];
    informed_ids UUID[];
    steps_ids UUID[];
    accompanied_ids UUID[];
    accompaniments UUID[];
    before ${schema}.member_item[];
    after ${schema}.member_item[];
    gone ${schema}.member_item[];
    came ${schema}.member_item[];
    referents ${schema}.referent_item[];
    zero_lines TEXT[];
    zero_months DATE[];
    zero_structures UUID[];
    zero_firsts DATE[];
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    -- one (person, group) per group noted; a person noted for every line ('all') only once
    WITH noted AS (DELETE FROM ${schema}.people_change RETURNING person, accompaniment_id, lines),
    pairs AS (SELECT DISTINCT n.person, n.lines FROM noted n WHERE n.person IS NOT NULL),
    asked AS (
        SELECT p.person, p.lines FROM pairs p
        WHERE p.lines = 'all' OR NOT EXISTS (SELECT 1 FROM pairs q WHERE q.person = p.person AND q.lines = 'all')
    )
    SELECT coalesce((SELECT array_agg(a.person ORDER BY a.person, a.lines) FROM asked a), '{}'),
           coalesce((SELECT array_agg(a.lines ORDER BY a.person, a.lines) FROM asked a), '{}'),
           coalesce((SELECT array_agg(DISTINCT n.accompaniment_id ORDER BY n.accompaniment_id) FROM noted n
                     WHERE n.accompaniment_id IS NOT NULL), '{}')
    INTO ids, groups, accompaniments;
    IF cardinality(accompaniments) > 0 THEN
        SELECT coalesce(array_agg(ROW(q.accompaniment_id, q.referent_id, q.structure_id, q.a, q.b, q.recorded)
                                  ::${schema}.referent_item), '{}') INTO referents
        FROM ${schema}.referent_quadrants(accompaniments) q;
        DELETE FROM ${schema}.referent_item r
        WHERE r.accompaniment_id = ANY(accompaniments)
          AND (r.accompaniment_id, r.referent_id, r.structure_id, r.a, r.b, r.recorded) NOT IN (
              SELECT x.accompaniment_id, x.referent_id, x.structure_id, x.a, x.b, x.recorded FROM unnest(referents) x);
        INSERT INTO ${schema}.referent_item
        SELECT x.* FROM unnest(referents) x ORDER BY x.accompaniment_id, x.referent_id, x.structure_id, x.a, x.b
        ON CONFLICT DO NOTHING;
    END IF;
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- variables, not subqueries, as arguments: member_staircase() is then inlined into a plan made once
    SELECT coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'held')), '{}'),
           coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'informed')), '{}'),
           coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'steps')), '{}'),
           coalesce(array_agg(p.person) FILTER (WHERE p.lines IN ('all', 'accompanied')), '{}')
    INTO held_ids, informed_ids, steps_ids, accompanied_ids
    FROM unnest(ids, groups) AS p (person, lines);
    -- a person's groups asked are distinct, or 'all' alone: each item read once
    SELECT coalesce(array_agg(m), '{}') INTO before
    FROM unnest(ids, groups) AS p (person, lines) JOIN ${schema}.member_item m ON m.person = p.person
    WHERE p.lines = 'all' OR p.lines = ${schema}.line_group(m.line);
    SELECT coalesce(array_agg(ROW(s.person, s.line, s.structure_id, s.a, s.b, s.w, s.shared, s.recorded)
                              ::${schema}.member_item), '{}') INTO after
    FROM ${schema}.member_staircase(held_ids, informed_ids, steps_ids, accompanied_ids) s;
    SELECT coalesce(array_agg(ROW(x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded)
                              ::${schema}.member_item), '{}') INTO gone
    FROM (SELECT * FROM unnest(before) EXCEPT SELECT * FROM unnest(after)) x;
    SELECT coalesce(array_agg(ROW(x.person, x.line, x.structure_id, x.a, x.b, x.w, x.shared, x.recorded)
                              ::${schema}.member_item), '{}') INTO came
    FROM (SELECT * FROM unnest(after) EXCEPT SELECT * FROM unnest(before)) x;
    IF cardinality(gone) = 0 AND cardinality(came) = 0 THEN
        RETURN;
    END IF;
    -- only a counter this moves can come back to zero: the upsert says which
    WITH moved AS (
        INSERT INTO ${schema}.member_month AS t (line, month, structure_id, starts, ends)
        SELECT c.line, c.month, c.structure_id, sum(c.starts), sum(c.ends) FROM (
            SELECT o.line, o.month, o.structure_id, -o.starts AS starts, -o.ends AS ends
            FROM unnest(gone) AS old_item, ${schema}.member_moves(old_item) o
            UNION ALL SELECT x.* FROM unnest(came) AS new_item, ${schema}.member_moves(new_item) x
        ) c
        GROUP BY c.line, c.month, c.structure_id HAVING sum(c.starts) <> 0 OR sum(c.ends) <> 0
        ORDER BY c.line, c.month, c.structure_id
        ON CONFLICT (line, month, structure_id) DO UPDATE
        SET starts = t.starts + excluded.starts, ends = t.ends + excluded.ends
        RETURNING t.line, t.month, t.structure_id, t.starts, t.ends
    )
    SELECT coalesce(array_agg(m.line), '{}'), coalesce(array_agg(m.month), '{}'),
           coalesce(array_agg(m.structure_id), '{}')
    INTO zero_lines, zero_months, zero_structures FROM moved m WHERE m.starts = 0 AND m.ends = 0;
    DELETE FROM ${schema}.member_month t
    USING unnest(zero_lines, zero_months, zero_structures) AS z (line, month, structure_id)
    WHERE t.line = z.line AND t.month = z.month AND t.structure_id = z.structure_id AND t.starts = 0 AND t.ends = 0;
    IF EXISTS (SELECT 1 FROM unnest(gone) g WHERE g.a > g.b) OR EXISTS (SELECT 1 FROM unnest(came) c WHERE c.a > c.b)
    THEN
        WITH moved AS (
            INSERT INTO ${schema}.member_pair AS t (structure_id, line, b, a, w)
            SELECT p.structure_id, p.line, p.b, p.a, sum(p.w) FROM (
                SELECT g.structure_id, g.line, g.b, g.a, -g.w AS w FROM unnest(gone) g WHERE g.a > g.b
                UNION ALL SELECT c.structure_id, c.line, c.b, c.a, c.w FROM unnest(came) c WHERE c.a > c.b
            ) p
            GROUP BY p.structure_id, p.line, p.b, p.a HAVING sum(p.w) <> 0
            ORDER BY p.structure_id, p.line, p.b, p.a
            ON CONFLICT (structure_id, line, b, a) DO UPDATE SET w = t.w + excluded.w
            RETURNING t.structure_id, t.line, t.b, t.a, t.w
        )
        SELECT coalesce(array_agg(m.line), '{}'), coalesce(array_agg(m.b), '{}'), coalesce(array_agg(m.a), '{}'),
               coalesce(array_agg(m.structure_id), '{}')
        INTO zero_lines, zero_months, zero_firsts, zero_structures FROM moved m WHERE m.w = 0;
        DELETE FROM ${schema}.member_pair t
        USING unnest(zero_structures, zero_lines, zero_months, zero_firsts) AS z (structure_id, line, b, a)
        WHERE t.structure_id = z.structure_id AND t.line = z.line AND t.b = z.b AND t.a = z.a AND t.w = 0;
    END IF;
    DELETE FROM ${schema}.member_item m USING unnest(gone) g
    WHERE m.person = g.person AND m.line = g.line AND m.structure_id = g.structure_id AND m.a = g.a AND m.b = g.b;
    -- a plain insert: an item kept under a key that came is in before (its person's line is asked), so it went just
    -- above, and folds take the generation's lock one after the other (ON CONFLICT DO NOTHING would check every
    -- item that came against the index twice)
    INSERT INTO ${schema}.member_item
    SELECT x.* FROM unnest(came) x ORDER BY x.person, x.line, x.structure_id, x.a, x.b;
END
$$;

-- The delays' noted contributions added to delay_day and to the national sums. Every key noted is written, even when
-- the batch's contributions net to nothing, in both.
CREATE FUNCTION ${schema}.fold_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    WITH noted AS (DELETE FROM ${schema}.delay_day_change RETURNING *),
    national AS (
        INSERT INTO ${schema}.delay_month AS t (month, funder, delay_days, n)
        SELECT c.month, c.funder, c.delay_days, sum(c.n) FROM noted c
        GROUP BY c.month, c.funder, c.delay_days
        ORDER BY c.month, c.funder, c.delay_days
        ON CONFLICT (month, funder, delay_days) DO UPDATE SET n = t.n + excluded.n
    )
    INSERT INTO ${schema}.delay_day AS t (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT c.month, c.structure_id, c.funder, c.delay_days, sum(c.n), max(c.recorded) FROM noted c
    GROUP BY c.month, c.structure_id, c.funder, c.delay_days
    ORDER BY c.month, c.structure_id, c.funder, c.delay_days
    ON CONFLICT (month, structure_id, funder, delay_days) DO UPDATE
    SET n = t.n + excluded.n, recorded_max = greatest(t.recorded_max, excluded.recorded_max);
END
$$;

-- What a projection batch calls once before its commit. The lock comes first: a batch holding pre-aggregate rows
-- never waits for it.
CREATE FUNCTION ${schema}.fold_pre_aggregates() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${schema}.lock_pre_aggregates();
    PERFORM ${schema}.fold_monthly_facts();
    PERFORM ${schema}.fold_people();
    PERFORM ${schema}.fold_delays();
END
$$;

-- The recomputation from the facts: items, counters, inverted sums, referent rows, delays and their national sums.
CREATE FUNCTION ${schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE ${schema}.member_item, ${schema}.member_month, ${schema}.member_pair, ${schema}.delay_day,
        ${schema}.delay_month, ${schema}.referent_item;
    INSERT INTO ${schema}.member_item
    SELECT s.* FROM ${schema}.member_staircase(ARRAY(
        SELECT beneficiary_id FROM ${schema}.accompaniment
        UNION SELECT beneficiary_id FROM ${schema}.accompaniment_level
        UNION SELECT coalesce(beneficiary_id, contact_id) FROM ${schema}.level1_contact)) s;
    INSERT INTO ${schema}.member_month (line, month, structure_id, starts, ends)
    SELECT x.line, x.month, x.structure_id, sum(x.starts), sum(x.ends)
    FROM ${schema}.member_item item, ${schema}.member_moves(item) x
    GROUP BY x.line, x.month, x.structure_id HAVING sum(x.starts) <> 0 OR sum(x.ends) <> 0;
    PERFORM ${schema}.refresh_member_pairs();
    INSERT INTO ${schema}.referent_item
    SELECT q.* FROM ${schema}.referent_quadrants(ARRAY(
        SELECT accompaniment_id FROM ${schema}.accompaniment
        UNION SELECT accompaniment_id FROM ${schema}.accompaniment_level)) q;
    INSERT INTO ${schema}.delay_day (month, structure_id, funder, delay_days, n, recorded_max)
    SELECT CAST(date_trunc('month', f.decided_on) AS DATE), f.structure_id, f.funder, f.delay_days, count(*),
           max(f.recorded_at)
    FROM ${schema}.funding_decision f WHERE f.decision <> 'WITHDRAWN' AND f.delay_days IS NOT NULL
    GROUP BY 1, 2, 3, 4;
    PERFORM ${schema}.refresh_delay_months();
END
$$;

CREATE FUNCTION ${schema}.refresh_member_pairs() RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO ${schema}.member_pair (structure_id, line, b, a, w)
    SELECT i.structure_id, i.line, i.b, i.a, sum(i.w) FROM ${schema}.member_item i WHERE i.a > i.b
    GROUP BY i.structure_id, i.line, i.b, i.a HAVING sum(i.w) <> 0;
$$;

CREATE FUNCTION ${schema}.refresh_delay_months() RETURNS VOID LANGUAGE sql AS $$
    INSERT INTO ${schema}.delay_month (month, funder, delay_days, n)
    SELECT d.month, d.funder, d.delay_days, sum(d.n) FROM ${schema}.delay_day d GROUP BY 1, 2, 3;
$$;

-- ============================================================================================================
-- Functions the indicator queries read
-- ============================================================================================================

-- percentile_cont(f) over the values the histogram holds (d ascending, n of each), with its arithmetic: the rows
-- floor and ceil of f * (count - 1), interpolated in double precision.
CREATE FUNCTION ${schema}.histogram_percentile(f DOUBLE PRECISION, d INTEGER[], n BIGINT[])
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE AS $$
    WITH h AS (
        SELECT x.d, sum(x.n) OVER (ORDER BY x.d) AS upto, sum(x.n) OVER () AS total
        FROM unnest(d, n) AS x (d, n) WHERE x.n > 0
    ),
    r AS (SELECT f * CAST(max(total) - 1 AS DOUBLE PRECISION) AS pos FROM h HAVING count(*) > 0)
    SELECT CAST(lo.d AS DOUBLE PRECISION)
           + (r.pos - floor(r.pos)) * (CAST(hi.d AS DOUBLE PRECISION) - CAST(lo.d AS DOUBLE PRECISION))
    FROM r,
         LATERAL (SELECT h.d FROM h WHERE h.upto > floor(r.pos) ORDER BY h.d LIMIT 1) lo,
         LATERAL (SELECT h.d FROM h WHERE h.upto > ceil(r.pos) ORDER BY h.d LIMIT 1) hi
$$;

-- The structures delay_day holds rows of, one index probe each (a skip scan PostgreSQL does not do by itself).
CREATE FUNCTION ${schema}.delay_structures() RETURNS TABLE (structure_id UUID) LANGUAGE sql STABLE AS $$
    WITH RECURSIVE s AS (
        (SELECT d.structure_id AS id FROM ${schema}.delay_day d ORDER BY d.structure_id LIMIT 1)
        UNION ALL
        SELECT (SELECT d.structure_id FROM ${schema}.delay_day d WHERE d.structure_id > s.id
                ORDER BY d.structure_id LIMIT 1) FROM s
        WHERE s.id IS NOT NULL
    )
    SELECT id FROM s WHERE id IS NOT NULL
$$;

-- A registered beneficiary's profile as recorded last by as_of (entry date, orientation source): the exact path's rule
-- for an entry whose profile changed after asOf, read by entries-by-orientation-source.sql and by the taking back of
-- late contributions (indicators/fragments/facts.sql). One row at most, through beneficiary_profile's key; a SQL
-- function of one SELECT, inlined into the query that calls it.
CREATE FUNCTION ${schema}.profile_as_of(person UUID, as_of TIMESTAMPTZ)
RETURNS TABLE (entry_date DATE, orientation_source TEXT) LANGUAGE sql STABLE AS $$
    SELECT p.entry_date, p.orientation_source FROM ${schema}.beneficiary_profile p
    WHERE p.beneficiary_id = person AND p.recorded_at <= as_of
    ORDER BY p.recorded_at DESC, p.version DESC LIMIT 1
$$;

-- ============================================================================================================
-- Triggers: statement-level, over the transition tables (the projections' inserts reach the server as multi-row
-- statements, reWriteBatchedInserts, so a trigger runs once for up to 128 fact rows). PostgreSQL allows transition
-- tables on single-event triggers without a column list only: one trigger per event. Every user trigger of a
-- generation keeps a pre-aggregate: a rebuild turns them all off and back on (GenerationRepository).
-- ============================================================================================================

-- monthly_fact: one function per fact table from one template (the row types differ; static statements keep their
-- plans for the session, a dynamic EXECUTE would plan at every call). A contribution an UPDATE leaves as it was
-- (same counter, counts and recording) is not noted: taken back and added again it would move nothing, and its
-- counter already holds its recording (the beneficiary's row is updated by most of the person's events).
DO $migration$
DECLARE
    fact_table TEXT;
BEGIN
    FOREACH fact_table IN ARRAY ARRAY['accompaniment', 'action', 'training_outcome', 'training_project',
            'funding_decision', 'beneficiary'] LOOP
        EXECUTE format($function$
            CREATE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded FROM (
                        SELECT x.* FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                        EXCEPT ALL SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                    ) o
                    UNION ALL
                    SELECT x.* FROM (
                        SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                        EXCEPT ALL SELECT x.* FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x
                    ) x;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded
                    FROM old_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) o;
                ELSE
                    INSERT INTO %1$I.monthly_fact_change
                    SELECT x.* FROM new_rows r, %1$I.%3$I(CAST(ROW(r.*) AS %1$I.%4$I)) x;
                END IF;
                IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
                    PERFORM %1$I.fold_monthly_facts();
                END IF;
                RETURN NULL;
            END
            $body$
            $function$, '${schema}', fact_table || '_monthly_fact_change', fact_table || '_contributions', fact_table);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I.%I REFERENCING NEW TABLE AS new_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION %I.%I()', fact_table || '_monthly_fact_insert', '${schema}',
            fact_table, '${schema}', fact_table || '_monthly_fact_change');
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I.%I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION %I.%I()', fact_table || '_monthly_fact_update', '${schema}',
            fact_table, '${schema}', fact_table || '_monthly_fact_change');
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I.%I REFERENCING OLD TABLE AS old_rows '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION %I.%I()', fact_table || '_monthly_fact_delete', '${schema}',
            fact_table, '${schema}', fact_table || '_monthly_fact_change');
    END LOOP;
END
$migration$;

-- funding_project: recomputed from the decisions a statement touched, in that statement; its contributions noted as
-- the fact tables' are.
CREATE FUNCTION ${schema}.funding_decision_projects() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM ${schema}.fold_funding_projects(ARRAY(SELECT DISTINCT r.project_id FROM new_rows r));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ${schema}.fold_funding_projects(ARRAY(SELECT DISTINCT r.project_id FROM old_rows r));
    ELSE
        PERFORM ${schema}.fold_funding_projects(ARRAY(SELECT r.project_id FROM new_rows r
                                                      UNION SELECT r.project_id FROM old_rows r));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER funding_decision_projects_insert AFTER INSERT ON ${schema}.funding_decision
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.funding_decision_projects();
CREATE TRIGGER funding_decision_projects_update AFTER UPDATE ON ${schema}.funding_decision
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.funding_decision_projects();
CREATE TRIGGER funding_decision_projects_delete AFTER DELETE ON ${schema}.funding_decision
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.funding_decision_projects();


CREATE FUNCTION ${schema}.funding_project_monthly_fact_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO ${schema}.monthly_fact_change
        SELECT o.structure_id, o.month, o.fact, o.key, -o.n, -o.m, o.recorded
        FROM old_rows r, ${schema}.funding_project_contributions(CAST(ROW(r.*) AS ${schema}.funding_project)) o;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO ${schema}.monthly_fact_change
        SELECT x.* FROM new_rows r, ${schema}.funding_project_contributions(CAST(ROW(r.*) AS ${schema}.funding_project)) x;
    END IF;
    IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
        PERFORM ${schema}.fold_monthly_facts();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER funding_project_monthly_fact_insert AFTER INSERT ON ${schema}.funding_project
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.funding_project_monthly_fact_change();
CREATE TRIGGER funding_project_monthly_fact_update AFTER UPDATE ON ${schema}.funding_project
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.funding_project_monthly_fact_change();
CREATE TRIGGER funding_project_monthly_fact_delete AFTER DELETE ON ${schema}.funding_project
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.funding_project_monthly_fact_change();

-- The people a statement touched, per table, with the group of lines it can move: the beneficiary, or the anonymous
-- contact, before and after the change; for an accompaniment or a level also its accompaniment (the referents of all
-- its levels: a level ends where the next begins, and at the closure). The CPF steps the items never read
-- (ALREADY_OPEN) note nobody. An UPDATE notes a row only when a column the items read changed (a contact routed, an
-- interview's accompaniment untouched: nobody to recompute).
DO $migration$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('accompaniment', 'accompaniment_id', '%1$s.beneficiary_id', '%1$s.accompaniment_id', 'all', 'TRUE',
             'beneficiary_id, referent_id, structure_id, opened_on, opened_at, closed_on, closed_at'),
            ('accompaniment_level', 'event_id', '%1$s.beneficiary_id', '%1$s.accompaniment_id', 'held', 'TRUE',
             'accompaniment_id, beneficiary_id, referent_id, structure_id, level, service, from_date, recorded_at'),
            ('level1_contact', 'contact_id', 'coalesce(%1$s.beneficiary_id, %1$s.contact_id)', 'NULL::UUID', 'held',
             'TRUE', 'beneficiary_id, structure_id, contact_date'),
            ('cep_information', 'event_id', '%1$s.beneficiary_id', 'NULL::UUID', 'informed', 'TRUE',
             'beneficiary_id, informed_on'),
            ('cpf_step', 'event_id', '%1$s.beneficiary_id', 'NULL::UUID', 'steps',
             '%1$s.step IN (''PRESENTED'', ''OPENING_ASSISTED'', ''CONSENT'', ''PRESENTED_WITHDRAWN'', '
                 || '''OPENING_ASSISTED_WITHDRAWN'', ''CONSENT_WITHDRAWN'')',
             'beneficiary_id, step, step_on, modality')
        ) AS v (fact_table, pk, person, accompaniment, lines, counted, listened) LOOP
        EXECUTE format($function$
            CREATE FUNCTION %1$I.%2$I() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO %1$I.people_change (person, accompaniment_id, lines)
                    SELECT %3$s, %4$s, %5$L FROM new_rows r WHERE %6$s;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO %1$I.people_change (person, accompaniment_id, lines)
                    SELECT %3$s, %4$s, %5$L FROM old_rows r WHERE %6$s;
                ELSE
                    INSERT INTO %1$I.people_change (person, accompaniment_id, lines)
                    SELECT p.person, p.accompaniment_id, %5$L
                    FROM old_rows o FULL JOIN new_rows n ON n.%7$I = o.%7$I,
                        LATERAL (VALUES (%8$s, %9$s), (%10$s, %11$s)) p (person, accompaniment_id)
                    WHERE ROW(%12$s) IS DISTINCT FROM ROW(%13$s) AND (%14$s OR %15$s)
                      AND (p.person IS NOT NULL OR p.accompaniment_id IS NOT NULL);
                END IF;
                IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
                    PERFORM %1$I.fold_people();
                END IF;
                RETURN NULL;
            END
            $body$
            $function$, '${schema}', t.fact_table || '_people_and_delays_note',
            format(t.person, 'r'), format(t.accompaniment, 'r'), t.lines, format(t.counted, 'r'), t.pk,
            format(t.person, 'o'), format(t.accompaniment, 'o'), format(t.person, 'n'), format(t.accompaniment, 'n'),
            (SELECT string_agg('o.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c),
            (SELECT string_agg('n.' || trim(c), ', ') FROM unnest(string_to_array(t.listened, ',')) c),
            format(t.counted, 'o'), format(t.counted, 'n'));
    END LOOP;
END
$migration$;

-- A decision's contribution to the histogram, netted per decision: a change that does not move its delay's count
-- notes nothing.
CREATE FUNCTION ${schema}.funding_decision_people_and_delays_note() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO ${schema}.delay_day_change
        SELECT CAST(date_trunc('month', r.decided_on) AS DATE), r.structure_id, r.funder, r.delay_days, 1,
               r.recorded_at
        FROM new_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO ${schema}.delay_day_change
        SELECT CAST(date_trunc('month', r.decided_on) AS DATE), r.structure_id, r.funder, r.delay_days, -1,
               r.recorded_at
        FROM old_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL;
    ELSE
        INSERT INTO ${schema}.delay_day_change
        SELECT c.month, c.structure_id, c.funder, c.delay_days, sum(c.n), max(c.recorded) FROM (
            SELECT r.event_id, CAST(date_trunc('month', r.decided_on) AS DATE) AS month, r.structure_id, r.funder,
                   r.delay_days, -1 AS n, r.recorded_at AS recorded
            FROM old_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL
            UNION ALL
            SELECT r.event_id, CAST(date_trunc('month', r.decided_on) AS DATE), r.structure_id, r.funder,
                   r.delay_days, 1, r.recorded_at
            FROM new_rows r WHERE r.decision <> 'WITHDRAWN' AND r.delay_days IS NOT NULL
        ) c
        GROUP BY c.event_id, c.month, c.structure_id, c.funder, c.delay_days HAVING sum(c.n) <> 0;
    END IF;
    IF current_setting('reporting.monthly_fact_fold', TRUE) IS DISTINCT FROM 'batch' THEN
        PERFORM ${schema}.fold_delays();
    END IF;
    RETURN NULL;
END
$$;

DO $migration$
DECLARE
    fact_table TEXT;
    op TEXT;
BEGIN
    FOREACH fact_table IN ARRAY ARRAY['accompaniment', 'accompaniment_level', 'level1_contact', 'cep_information',
            'cpf_step', 'funding_decision'] LOOP
        FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
            EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I.%I REFERENCING %s FOR EACH STATEMENT '
                    || 'EXECUTE FUNCTION %I.%I()', fact_table || '_people_and_delays_' || lower(op), op, '${schema}',
                    fact_table, CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows'
                                        WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                                        ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END,
                    '${schema}', fact_table || '_people_and_delays_note');
        END LOOP;
    END LOOP;
END
$migration$;
