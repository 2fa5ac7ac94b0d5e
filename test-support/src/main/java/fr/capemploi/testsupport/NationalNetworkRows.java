package fr.capemploi.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes into one projection generation the rows that the events of a national network would have produced,
 * directly in SQL ({@code INSERT … SELECT generate_series}): pushing 20 million events through Kafka at the
 * projections' rate would take hours, and what is measured here is the query side.
 *
 * <p>Every row has the shape the projection classes write for the event it stands for (same columns filled, same
 * recording-time columns, the accompaniment keeping its opening level, one {@code accompaniment_level} row per
 * opening and per level change, a level-1 contact keeping the recording time of its first event...). Values are
 * drawn from a deterministic hash of each row's number, so two runs of the same size hold the same rows. The shape
 * of the network: 102 structures in 18 regions, 10 counsellors each, beneficiaries entering over 2015-2017 with
 * 90 % oriented by Pôle emploi, 60 % of them accompanied (levels 2-3), 65 structures declaring.
 *
 * <p>Interviews are the most frequent fact; their number per accompaniment is set so that the events represented
 * reach the requested total.
 *
 * <p>The facts are written with the generation's triggers off, then the pre-aggregates are computed from them by
 * the generation's own {@code refresh_monthly_facts()} and {@code refresh_people_and_delays()}: the SQL of the
 * migrations that create them, from the same per-row contributions the triggers apply when the projections write.
 * Used by the benchmark
 * ({@code NationalReportAtScale}) and, at small scales, by the reporting service's test that holds the
 * pre-aggregated path equal to the reference queries.
 */
public final class NationalNetworkRows {

    /** Changes whenever the rows generated change, so that rows loaded by an older generator are not reused. */
    public static final int GENERATOR_VERSION = 2;

    public static final List<String> TABLES = List.of("structure", "counsellor", "counsellor_period", "beneficiary",
            "beneficiary_profile", "referent_assignment", "portfolio_span", "portfolio_month", "level1_contact",
            "accompaniment", "accompaniment_level", "cep_information", "interview", "action", "declaration",
            "cpf_step", "training_project", "training_outcome", "funding_decision");

    private static final String REGIONS = "ARRAY['01','02','03','04','06','11','24','27','28','32','44','52','53',"
            + "'75','76','84','93','94']";

    private static final String FUNCTIONS = """
            CREATE SCHEMA IF NOT EXISTS bench;
            CREATE OR REPLACE FUNCTION bench.u(n bigint, k int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT (hashint8extended(n, k) & 2147483647)::float8 / 2147483648.0 $$;
            CREATE OR REPLACE FUNCTION bench.id(kind text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT md5(kind || n)::uuid $$;
            CREATE OR REPLACE FUNCTION bench.pick(options text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE
                PARALLEL SAFE AS $$ SELECT options[1 + floor(x * array_length(options, 1))::int] $$;
            CREATE OR REPLACE FUNCTION bench.entry(b bigint) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT DATE '2015-01-01' + floor(bench.u(b, 1) * 1096)::int $$;
            CREATE OR REPLACE FUNCTION bench.at(d date, n bigint, k int) RETURNS timestamptz LANGUAGE sql STABLE
                PARALLEL SAFE
                AS $$ SELECT ((d + time '08:00') AT TIME ZONE 'Europe/Paris') + bench.u(n, k) * interval '72 hours' $$;
            CREATE TABLE IF NOT EXISTS bench.loaded (schema_name TEXT PRIMARY KEY, beneficiaries BIGINT NOT NULL,
                target_events BIGINT NOT NULL, generator INTEGER NOT NULL)
            """;

    /** Each beneficiary's drawn facts, from which every table is derived (dropped after the load). */
    private static final String PEOPLE = """
            DROP TABLE IF EXISTS bench.person;
            CREATE UNLOGGED TABLE bench.person AS
            SELECT z.*,
                   CASE WHEN z.level = 2 AND bench.u(z.b, 35) < 0.35
                        THEN z.opened + 1 + floor(bench.u(z.b, 36) * (z.end_on - z.opened))::int END AS risen
            FROM (
                SELECT y.*, coalesce(y.closed, least(y.opened + 365, DATE '2017-12-31')) AS end_on
                FROM (
                    SELECT x.*,
                           CASE WHEN bench.u(x.b, 32) < 0.55
                                THEN bench.pick(ARRAY['PROJECT_ELABORATION_AND_VALIDATION',
                                    'DISABILITY_BARRIERS_REMOVAL'], bench.u(x.b, 37))
                                ELSE bench.pick(ARRAY['TRAINING_PROJECT', 'JOB_SEARCH_SUPPORT', 'JOB_RETENTION'],
                                    bench.u(x.b, 37)) END AS service,
                           CASE WHEN bench.u(x.b, 32) < 0.55 THEN 2 ELSE 3 END AS level,
                           CASE WHEN x.opened IS NOT NULL AND bench.u(x.b, 33) < 0.7
                                     AND x.opened + 30 + floor(bench.u(x.b, 34) * 400)::int <= DATE '2017-12-31'
                                THEN x.opened + 30 + floor(bench.u(x.b, 34) * 400)::int END AS closed
                    FROM (
                        SELECT b, (b % 102)::int AS s, bench.entry(b) AS entry,
                               (b % 102)::int + 102 * floor(bench.u(b, 8) * 10)::int AS referent,
                               CASE WHEN bench.u(b, 30) < 0.6
                                         AND bench.entry(b) + floor(bench.u(b, 31) * 60)::int <= DATE '2017-12-31'
                                    THEN bench.entry(b) + floor(bench.u(b, 31) * 60)::int END AS opened
                        FROM generate_series(0, ? - 1) b
                    ) x
                ) y
            ) z;
            """;

    private static final String PROJECTS = """
            DROP TABLE IF EXISTS bench.project;
            CREATE UNLOGGED TABLE bench.project AS
            SELECT y.*,
                   CASE WHEN y.started IS NOT NULL AND bench.u(y.b, 96) < 0.7
                             AND y.started + 60 + floor(bench.u(y.b, 97) * 240)::int <= DATE '2017-12-31'
                        THEN y.started + 60 + floor(bench.u(y.b, 97) * 240)::int END AS completed
            FROM (
                SELECT x.*,
                       CASE WHEN bench.u(x.b, 93) < 0.55
                                 AND x.created + 30 + floor(bench.u(x.b, 94) * 120)::int <= DATE '2017-12-31'
                            THEN x.created + 30 + floor(bench.u(x.b, 94) * 120)::int END AS started
                FROM (
                    SELECT p.b, p.s, p.referent, p.opened + 15 + floor(bench.u(p.b, 91) * 90)::int AS created
                    FROM bench.person p WHERE p.opened IS NOT NULL AND bench.u(p.b, 90) < 0.45
                ) x
            ) y;
            """;

    /** One statement per table, in the order the tables are listed; interviews come last (they fill the total). */
    private static final Map<String, String> INSERTS = new LinkedHashMap<>();

    static {
        INSERTS.put("structure", """
                INSERT INTO {schema}.structure (structure_id, code, region, department, registered_on, recorded_at)
                SELECT bench.id('s', s), 'CE' || lpad(s::text, 3, '0'), (%s)[1 + s %% 18], lpad((1 + s %% 95)::text, 2, '0'),
                       DATE '2014-01-01', TIMESTAMPTZ '2015-01-02 09:00:00+01'
                FROM generate_series(0, 101) s
                """.formatted(REGIONS));
        INSERTS.put("counsellor", """
                INSERT INTO {schema}.counsellor (counsellor_id, structure_id, active_from, active_until, recorded_at)
                SELECT bench.id('c', c), bench.id('s', c % 102),
                       CASE WHEN bench.u(c, 60) < 0.85 THEN DATE '2014-01-01'
                            ELSE DATE '2015-01-01' + floor(bench.u(c, 61) * 700)::int END,
                       CASE WHEN bench.u(c, 62) < 0.12 THEN DATE '2016-01-01' + floor(bench.u(c, 63) * 700)::int END,
                       TIMESTAMPTZ '2015-01-02 10:00:00+01'
                FROM generate_series(0, 1019) c
                """);
        INSERTS.put("beneficiary", """
                INSERT INTO {schema}.beneficiary (beneficiary_id, structure_id, entry_date, orientation_source,
                    registered_at, exit_date, exit_reason, exit_recorded_at, erased, recorded_at, profile_recorded_at)
                SELECT bench.id('b', b), bench.id('s', s), entry,
                       CASE WHEN bench.u(b, 2) < 0.9 THEN 'POLE_EMPLOI'
                            ELSE bench.pick(ARRAY['MISSION_LOCALE', 'APEC', 'OPACIF', 'EMPLOYER',
                                'OCCUPATIONAL_PHYSICIAN', 'SPONTANEOUS', 'OTHER_CEP_OPERATOR', 'OTHER'], bench.u(b, 3)) END,
                       bench.at(entry, b, 4), exit_on,
                       CASE WHEN exit_on IS NOT NULL THEN bench.pick(ARRAY['SUSTAINABLE_JOB', 'TEMPORARY_JOB',
                           'TRAINING', 'MOVED', 'REFERRED_ELSEWHERE', 'HEALTH_OR_INACTIVITY', 'DROPPED_OUT', 'OTHER'],
                           bench.u(b, 6)) END,
                       bench.at(exit_on, b, 7), bench.u(b, 9) < 0.002, bench.at(entry, b, 4), bench.at(entry, b, 4)
                FROM (
                    SELECT p.b, p.s, p.entry,
                           CASE WHEN bench.u(p.b, 5) < 0.65
                                     AND p.entry + 60 + floor(bench.u(p.b, 10) * 700)::int <= DATE '2017-12-31'
                                THEN p.entry + 60 + floor(bench.u(p.b, 10) * 700)::int END AS exit_on
                    FROM bench.person p
                ) x
                """);
        INSERTS.put("referent_assignment", """
                INSERT INTO {schema}.referent_assignment (beneficiary_id, counsellor_id, structure_id, assigned_on,
                    recorded_at)
                SELECT bench.id('b', b), bench.id('c', referent), bench.id('s', s), entry, bench.at(entry, b, 4)
                FROM bench.person
                UNION ALL
                SELECT bench.id('b', b),
                       bench.id('c', s + 102 * ((referent / 102 + 1 + floor(bench.u(b, 11) * 9)::int) % 10)),
                       bench.id('s', s), entry + 30 + floor(bench.u(b, 12) * 500)::int,
                       bench.at(entry + 30 + floor(bench.u(b, 12) * 500)::int, b, 13)
                FROM bench.person WHERE bench.u(b, 14) < 0.2
                """);
        // 1.5 contacts per beneficiary; 35 % anonymous (a person of their own), the others before the entry
        INSERTS.put("level1_contact", """
                INSERT INTO {schema}.level1_contact (contact_id, structure_id, counsellor_id, beneficiary_id,
                    contact_date, channel, request, liaison_sheet, routed_to, routed_on, recorded_at)
                SELECT bench.id('l', i), bench.id('s', s), bench.id('c', s + 102 * floor(bench.u(i, 22) * 10)::int),
                       person, d,
                       bench.pick(ARRAY['ON_SITE', 'PHONE', 'REMOTE'], bench.u(i, 23)),
                       bench.pick(ARRAY['CEP_INFORMATION', 'CPF_INFORMATION', 'TRAINING_INFORMATION',
                           'JOB_INFORMATION', 'OTHER'], bench.u(i, 24)),
                       bench.u(i, 25) < 0.3,
                       CASE WHEN routed THEN bench.pick(ARRAY['POLE_EMPLOI', 'APEC', 'MISSION_LOCALE', 'OPACIF',
                           'OTHER_CAP_EMPLOI', 'REGIONAL_CEP_OPERATOR', 'OTHER'], bench.u(i, 27)) END,
                       CASE WHEN routed THEN d + floor(bench.u(i, 28) * 5)::int END,
                       bench.at(d, i, 29)
                FROM (
                    SELECT i, CASE WHEN anonymous THEN (i % 102)::int ELSE (pb % 102)::int END AS s,
                           CASE WHEN anonymous THEN NULL ELSE bench.id('b', pb) END AS person,
                           CASE WHEN anonymous THEN DATE '2015-01-01' + floor(bench.u(i, 21) * 1096)::int
                                ELSE greatest(DATE '2015-01-01', bench.entry(pb) - floor(bench.u(i, 21) * 45)::int)
                           END AS d,
                           bench.u(i, 26) < 0.2 AS routed
                    FROM (SELECT i, bench.u(i, 20) < 0.35 AS anonymous, floor(bench.u(i, 19) * ?)::bigint AS pb
                          FROM generate_series(0, ? - 1) i) z
                ) x
                """);
        INSERTS.put("accompaniment", """
                INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, referent_id, level,
                    service, opened_on, opened_at, closed_on, outcome, decision_taken, closed_at, recorded_at)
                SELECT bench.id('a', b), bench.id('b', b), bench.id('s', s), bench.id('c', referent), level, service,
                       opened, bench.at(opened, b, 40), closed,
                       CASE WHEN closed IS NOT NULL THEN outcome END,
                       CASE WHEN closed IS NOT NULL THEN outcome <> 'NONE_OR_ABANDON' END,
                       bench.at(closed, b, 41), bench.at(opened, b, 40)
                FROM (SELECT p.*, bench.pick(ARRAY['ENGAGE_PROJECT', 'START_TRAINING', 'JOB_SEARCH', 'KEEP_SITUATION',
                          'NONE_OR_ABANDON'], bench.u(p.b, 42)) AS outcome
                      FROM bench.person p WHERE p.opened IS NOT NULL) x
                """);
        INSERTS.put("accompaniment_level", """
                INSERT INTO {schema}.accompaniment_level (event_id, accompaniment_id, beneficiary_id, structure_id,
                    referent_id, level, service, from_date, recorded_at)
                SELECT bench.id('ao', b), bench.id('a', b), bench.id('b', b), bench.id('s', s), bench.id('c', referent),
                       level, service, opened, bench.at(opened, b, 40)
                FROM bench.person WHERE opened IS NOT NULL
                UNION ALL
                SELECT bench.id('ac', b), bench.id('a', b), bench.id('b', b), bench.id('s', s), bench.id('c', referent),
                       3, 'TRAINING_PROJECT', risen, bench.at(risen, b, 43)
                FROM bench.person WHERE risen IS NOT NULL
                """);
        INSERTS.put("cep_information", """
                INSERT INTO {schema}.cep_information (event_id, accompaniment_id, beneficiary_id, structure_id,
                    counsellor_id, informed_on, recorded_at)
                SELECT bench.id('ci', b), bench.id('a', b), bench.id('b', b), bench.id('s', s), bench.id('c', referent),
                       opened + floor(bench.u(b, 45) * 20)::int, bench.at(opened + floor(bench.u(b, 45) * 20)::int, b, 46)
                FROM bench.person WHERE opened IS NOT NULL AND bench.u(b, 44) < 0.85
                """);
        INSERTS.put("action", """
                INSERT INTO {schema}.action (action_id, accompaniment_id, beneficiary_id, structure_id, kind,
                    pmsmp_purpose, alternance_contract, planned_on, planned_at, done_on, done_at, cancelled_on,
                    cancelled_at, recorded_at)
                SELECT bench.id('x', n), bench.id('a', b), bench.id('b', b), bench.id('s', s), kind,
                       CASE WHEN kind = 'PMSMP' THEN bench.pick(ARRAY['DISCOVER_JOB', 'CONFIRM_PROJECT',
                           'START_RECRUITMENT'], bench.u(n, 62)) END,
                       CASE WHEN kind = 'ALTERNANCE' THEN bench.pick(ARRAY['APPRENTICESHIP', 'PROFESSIONALISATION'],
                           bench.u(n, 63)) END,
                       planned, bench.at(planned, n, 64),
                       CASE WHEN v < 0.55 AND planned + 5 + floor(bench.u(n, 65) * 25)::int <= DATE '2017-12-31'
                            THEN planned + 5 + floor(bench.u(n, 65) * 25)::int END AS done_on,
                       CASE WHEN v < 0.55 AND planned + 5 + floor(bench.u(n, 65) * 25)::int <= DATE '2017-12-31'
                            THEN bench.at(planned + 5 + floor(bench.u(n, 65) * 25)::int, n, 66) END,
                       CASE WHEN v >= 0.55 AND v < 0.7 THEN planned + floor(bench.u(n, 67) * 20)::int END,
                       CASE WHEN v >= 0.55 AND v < 0.7 THEN bench.at(planned + floor(bench.u(n, 67) * 20)::int, n, 68) END,
                       bench.at(planned, n, 64)
                FROM (
                    SELECT p.b, p.s, p.b * 8 + j AS n,
                           (ARRAY['PMSMP', 'PMSMP', 'PMSMP', 'PMSMP', 'PMSMP', 'ALTERNANCE', 'ALTERNANCE', 'TRAINING',
                                  'TRAINING', 'TRAINING', 'TRAINING', 'SKILLS_ASSESSMENT', 'SKILLS_ASSESSMENT',
                                  'PRESTATION', 'PRESTATION', 'PRESTATION', 'PRESTATION', 'VAE',
                                  'PARTIAL_CERTIFICATION', 'OTHER'])[1 + floor(bench.u(p.b * 8 + j, 61) * 20)::int]
                               AS kind,
                           p.opened + floor(bench.u(p.b * 8 + j, 60) * (p.end_on - p.opened + 1))::int AS planned,
                           bench.u(p.b * 8 + j, 69) AS v
                    FROM bench.person p, generate_series(1, 1 + floor(bench.u(p.b, 59) * 3)::int) j
                    WHERE p.opened IS NOT NULL
                ) x
                """);
        INSERTS.put("declaration", """
                INSERT INTO {schema}.declaration (structure_id, period, period_start, period_end, version,
                    submitted_on, level1_only_fte, levels23_only_fte, all_levels_fte, total_fte, support_fte,
                    professionalisation_engaged, professionalisation_actions, systematic_training, cep_training_days,
                    counsellors_trained, at_least_one_cep_training, mutualised_offer_used, mutualised_offer_natures,
                    level1_delivered, trainings_fit_needs, cpf_rules_mastered, new_funders_used,
                    spro_tools_developed, cep_kit_used_internally, recorded_at)
                SELECT bench.id('s', s), period, ps, pe, version, pe + 120 + version * 10,
                       round((bench.u(n, 111) * 1.1)::numeric, 2), round((1 + bench.u(n, 112) * 2.5)::numeric, 2),
                       round((5 + bench.u(n, 113) * 6.2)::numeric, 2), round((9 + bench.u(n, 114) * 4)::numeric, 2),
                       round((bench.u(n, 115) * 3.1)::numeric, 2), bench.u(n, 116) < 0.83,
                       CASE WHEN bench.u(n, 116) < 0.83 THEN ARRAY['AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING',
                           'INTERNAL_WITH_CEP_KIT'] ELSE ARRAY[]::text[] END,
                       bench.u(n, 117) < 0.47,
                       CASE WHEN bench.u(n, 118) < 0.8 THEN round((1 + bench.u(n, 119) * 4)::numeric, 2) END,
                       CASE WHEN bench.u(n, 118) < 0.8 THEN 1 + floor(bench.u(n, 120) * 3)::int END,
                       bench.u(n, 121) < 0.96, bench.u(n, 122) < 0.41,
                       CASE WHEN bench.u(n, 122) < 0.41 THEN ARRAY['SPRO', 'CARIF_OREF'] ELSE ARRAY[]::text[] END,
                       bench.u(n, 123) < 0.73, bench.u(n, 124) < 0.6, bench.u(n, 125) < 0.7, bench.u(n, 126) < 0.17,
                       bench.u(n, 127) < 0.5, bench.u(n, 128) < 0.8,
                       bench.at(pe + 120 + version * 10, n, 129)
                FROM (
                    SELECT s, period, ps, pe, version, (s * 8 + k) * 4 + version AS n
                    FROM generate_series(0, 64) s,
                         (VALUES (1, '2015', DATE '2015-01-01', DATE '2015-12-31'),
                                 (2, '2016', DATE '2016-01-01', DATE '2016-12-31'),
                                 (3, '2016-H1', DATE '2016-01-01', DATE '2016-06-30'),
                                 (4, '2017', DATE '2017-01-01', DATE '2017-12-31')) p(k, period, ps, pe),
                         generate_series(1, 2) version
                    WHERE version = 1 OR bench.u(s * 8 + k, 110) < 0.15
                ) x
                """);
        INSERTS.put("cpf_step", """
                INSERT INTO {schema}.cpf_step (event_id, beneficiary_id, structure_id, counsellor_id, step, step_on,
                    modality, recorded_at)
                SELECT bench.id('cs' || v.k, p.b), bench.id('b', p.b), bench.id('s', p.s), bench.id('c', p.referent),
                       v.step, v.step_on, v.modality, bench.at(v.step_on, p.b, v.k)
                FROM bench.person p CROSS JOIN LATERAL (VALUES
                    (72, 'PRESENTED', CASE WHEN bench.u(p.b, 70) < 0.95
                        THEN p.opened + floor(bench.u(p.b, 71) * 30)::int END, NULL),
                    (75, 'OPENING_ASSISTED', CASE WHEN bench.u(p.b, 73) < 0.55
                        THEN p.opened + 10 + floor(bench.u(p.b, 74) * 40)::int END, NULL),
                    (77, 'ALREADY_OPEN', CASE WHEN bench.u(p.b, 73) >= 0.55 AND bench.u(p.b, 73) < 0.85
                        THEN p.opened + floor(bench.u(p.b, 76) * 30)::int END, NULL),
                    (81, 'CONSENT', CASE WHEN bench.u(p.b, 78) < 0.8
                        THEN p.opened + 20 + floor(bench.u(p.b, 79) * 60)::int END,
                        bench.pick(ARRAY['SIGNED_STANDARD_LETTER', 'INTERVIEW_SYNTHESIS_GIVEN', 'CPF_SYSTEM_SCREENSHOT',
                            'AIF_REQUEST_SIGNATURE', 'COLLECTED_BY_POLE_EMPLOI'], bench.u(p.b, 80))),
                    (83, 'CONSENT_WITHDRAWN', CASE WHEN bench.u(p.b, 78) < 0.02
                        THEN p.opened + 100 + floor(bench.u(p.b, 82) * 60)::int END, NULL)
                ) v(k, step, step_on, modality)
                WHERE p.opened IS NOT NULL AND v.step_on IS NOT NULL
                """);
        INSERTS.put("training_project", """
                INSERT INTO {schema}.training_project (project_id, beneficiary_id, structure_id, created_on,
                    cpf_eligible, started_on, cpf_funded, started_at, completed_on, completed_at, recorded_at)
                SELECT bench.id('p', b), bench.id('b', b), bench.id('s', s), created, bench.u(b, 92) < 0.85,
                       started, CASE WHEN started IS NOT NULL THEN bench.u(b, 95) < 0.7 END, bench.at(started, b, 98),
                       completed, bench.at(completed, b, 99), bench.at(created, b, 100)
                FROM bench.project
                """);
        INSERTS.put("training_outcome", """
                INSERT INTO {schema}.training_outcome (project_id, beneficiary_id, structure_id, decided_on, reasons,
                    recorded_at)
                SELECT bench.id('p', b), bench.id('b', b), bench.id('s', s),
                       created + 60 + floor(bench.u(b, 101) * 150)::int,
                       CASE WHEN bench.u(b, 102) < 0.6
                            THEN ARRAY[bench.pick(ARRAY['NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS',
                                'TRAINING_LONGER_THAN_ONE_YEAR', 'NOT_CPF_ELIGIBLE_NO_INDIVIDUAL_FUNDING',
                                'SLOW_CO_FUNDING_ANSWERS', 'COST_TOO_HIGH', 'FUNDER_QUESTIONED_PROJECT', 'OTHER'],
                                bench.u(b, 103))]
                            ELSE ARRAY['NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS', 'SLOW_CO_FUNDING_ANSWERS'] END,
                       bench.at(created + 60 + floor(bench.u(b, 101) * 150)::int, b, 104)
                FROM bench.project WHERE started IS NULL AND bench.u(b, 105) < 0.45
                """);
        // one or two funders per project; the first is the CPF 60 % of the time
        INSERTS.put("funding_decision", """
                INSERT INTO {schema}.funding_decision (event_id, request_id, project_id, beneficiary_id, structure_id,
                    funder, decision, requested_on, decided_on, delay_days, new_fe, recorded_at)
                SELECT bench.id('fd', n), bench.id('fr', n), bench.id('p', b), bench.id('b', b), bench.id('s', s),
                       funder, decision, requested, requested + delay, delay, funders = 2 AND cpf_first,
                       bench.at(requested + delay, n, 133)
                FROM (
                    SELECT x.b, x.s, x.n, x.funders, x.cpf_first, x.created + 5 + x.j AS requested,
                           5 + floor(bench.u(x.n, 131) * 85)::int AS delay,
                           CASE WHEN x.j = 1 AND x.cpf_first THEN 'CPF'
                                ELSE bench.pick(ARRAY['AIF_POLE_EMPLOI', 'AGEFIPH', 'FIPHFP', 'REGION', 'OPCA',
                                    'OPACIF', 'EMPLOYER', 'PERSONAL'], bench.u(x.n, 130)) END AS funder,
                           (ARRAY['GRANTED', 'GRANTED', 'GRANTED', 'GRANTED', 'GRANTED', 'GRANTED', 'GRANTED',
                                  'GRANTED', 'GRANTED', 'GRANTED', 'GRANTED', 'GRANTED', 'PARTLY_GRANTED',
                                  'PARTLY_GRANTED', 'REFUSED', 'REFUSED', 'REFUSED', 'REFUSED', 'REFUSED',
                                  'WITHDRAWN'])[1 + floor(bench.u(x.n, 132) * 20)::int] AS decision
                    FROM (
                        SELECT p.b, p.s, p.created, j, p.b * 4 + j AS n,
                               1 + (bench.u(p.b, 106) < 0.5)::int AS funders, bench.u(p.b, 107) < 0.6 AS cpf_first
                        FROM bench.project p, generate_series(1, 1 + (bench.u(p.b, 106) < 0.5)::int) j
                    ) x
                ) y
                """);
        INSERTS.put("interview", """
                INSERT INTO {schema}.interview (event_id, interview_id, accompaniment_id, beneficiary_id, structure_id,
                    counsellor_id, held_on, duration_minutes, mode, level, recorded_at)
                SELECT bench.id('ie', n), bench.id('i', n), bench.id('a', b), bench.id('b', b), bench.id('s', s),
                       bench.id('c', referent), held, 30 + 15 * floor(bench.u(n, 51) * 5)::int,
                       bench.pick(ARRAY['ON_SITE', 'PHONE', 'VIDEO', 'OFF_SITE'], bench.u(n, 52)),
                       CASE WHEN risen IS NOT NULL AND held >= risen THEN 3 ELSE level END, bench.at(held, n, 53)
                FROM (
                    SELECT p.b, p.s, p.referent, p.level, p.risen, p.b * 64 + j AS n,
                           p.opened + floor(bench.u(p.b * 64 + j, 50) * (p.end_on - p.opened + 1))::int AS held
                    FROM bench.person p,
                         generate_series(1, ? + CASE WHEN bench.u(p.b, 54) < ? THEN 1 ELSE 0 END) j
                    WHERE p.opened IS NOT NULL
                ) x
                """);
    }

    /**
     * Versions and pre-aggregates the projection keeps beside the facts: one profile version per registration (no
     * profile change is generated), a counsellor's period as registered then as deactivated, and the current
     * portfolio spans (recorded with the latest fact they derive from; superseded spans, which only "as of" a past
     * date reads, are not generated) with their monthly moves. Same statements as the service's in-place upgrade
     * of an older generation, apart from the recording times.
     */
    private static final List<String> DERIVED = List.of("""
            INSERT INTO {schema}.beneficiary_profile (beneficiary_id, version, entry_date, orientation_source,
                recorded_at)
            SELECT beneficiary_id, 1, entry_date, orientation_source, registered_at FROM {schema}.beneficiary
            """, """
            INSERT INTO {schema}.counsellor_period (counsellor_id, version, structure_id, active_from, active_until,
                recorded_at)
            SELECT counsellor_id, 1, structure_id, active_from, NULL, recorded_at FROM {schema}.counsellor
            UNION ALL
            SELECT counsellor_id, 2, structure_id, active_from, active_until,
                   ((active_until - 20 + time '08:00') AT TIME ZONE 'Europe/Paris')
            FROM {schema}.counsellor WHERE active_until IS NOT NULL
            """, """
            INSERT INTO {schema}.portfolio_span (beneficiary_id, event_id, structure_id, counsellor_id, from_on,
                until_on, recorded_at)
            SELECT beneficiary_id, beneficiary_id, structure_id, counsellor_id, from_on, until_on, recorded_at FROM (
                SELECT b.beneficiary_id, b.structure_id, a.counsellor_id,
                       greatest(a.assigned_on, b.entry_date) AS from_on, least(a.next_on, b.exit_date) AS until_on,
                       greatest(b.registered_at, a.recorded_at, a.next_recorded_at,
                                CASE WHEN b.exit_date IS NOT NULL THEN b.exit_recorded_at END) AS recorded_at
                FROM (SELECT r.beneficiary_id, r.counsellor_id, r.assigned_on, r.recorded_at,
                             lead(r.assigned_on) OVER w AS next_on, lead(r.recorded_at) OVER w AS next_recorded_at
                      FROM {schema}.referent_assignment r
                      WINDOW w AS (PARTITION BY r.beneficiary_id ORDER BY r.assigned_on, r.recorded_at, r.counsellor_id)
                     ) a
                JOIN {schema}.beneficiary b ON b.beneficiary_id = a.beneficiary_id
            ) s WHERE until_on IS NULL OR until_on > from_on
            """, """
            INSERT INTO {schema}.portfolio_month (structure_id, counsellor_id, month, members)
            SELECT structure_id, counsellor_id, month, sum(delta) FROM (
                SELECT structure_id, counsellor_id, date_trunc('month', from_on)::date AS month, 1 AS delta
                FROM {schema}.portfolio_span
                UNION ALL
                SELECT structure_id, counsellor_id, date_trunc('month', until_on)::date, -1
                FROM {schema}.portfolio_span WHERE until_on IS NOT NULL
            ) moves GROUP BY 1, 2, 3
            """);

    /**
     * The events the rows stand for, by type: counted from the rows, plus the events of types the reporting
     * projections read and ignore (they are on the topics all the same, one per fact they describe).
     */
    private static final String EVENTS = """
            SELECT 'StructureRegistered' AS type, (SELECT count(*) FROM {schema}.structure) AS n
            UNION ALL SELECT 'CounsellorRegistered', (SELECT count(*) FROM {schema}.counsellor)
            UNION ALL SELECT 'CounsellorDeactivated', (SELECT count(*) FROM {schema}.counsellor WHERE active_until IS NOT NULL)
            UNION ALL SELECT 'BeneficiaryRegistered', (SELECT count(*) FROM {schema}.beneficiary)
            UNION ALL SELECT 'ReferentAssigned', (SELECT count(*) FROM {schema}.referent_assignment)
                - (SELECT count(*) FROM {schema}.beneficiary)
            UNION ALL SELECT 'BeneficiaryExited', (SELECT count(*) FROM {schema}.beneficiary WHERE exit_date IS NOT NULL)
            UNION ALL SELECT 'BeneficiaryErased', (SELECT count(*) FROM {schema}.beneficiary WHERE erased)
            UNION ALL SELECT 'Level1ContactRecorded', (SELECT count(*) FROM {schema}.level1_contact)
            UNION ALL SELECT 'Level1ContactRouted', (SELECT count(*) FROM {schema}.level1_contact WHERE routed_to IS NOT NULL)
            UNION ALL SELECT 'AccompanimentOpened', (SELECT count(*) FROM {schema}.accompaniment)
            UNION ALL SELECT 'AccompanimentLevelChanged', (SELECT count(*) FROM {schema}.accompaniment_level)
                - (SELECT count(*) FROM {schema}.accompaniment)
            UNION ALL SELECT 'AccompanimentClosed', (SELECT count(*) FROM {schema}.accompaniment WHERE closed_on IS NOT NULL)
            UNION ALL SELECT 'CepInformationGiven', (SELECT count(*) FROM {schema}.cep_information)
            UNION ALL SELECT 'InterviewHeld', (SELECT count(*) FROM {schema}.interview)
            UNION ALL SELECT 'ActionPlanned', (SELECT count(*) FROM {schema}.action)
            UNION ALL SELECT 'ActionCompleted', (SELECT count(*) FROM {schema}.action WHERE done_on IS NOT NULL)
            UNION ALL SELECT 'ActionCancelled', (SELECT count(*) FROM {schema}.action WHERE cancelled_on IS NOT NULL)
            UNION ALL SELECT 'OperatorDeclarationSubmitted', (SELECT count(*) FROM {schema}.declaration)
            UNION ALL SELECT 'CpfPresented', (SELECT count(*) FROM {schema}.cpf_step WHERE step = 'PRESENTED')
            UNION ALL SELECT 'CpfAccountOpeningAssisted', (SELECT count(*) FROM {schema}.cpf_step WHERE step = 'OPENING_ASSISTED')
            UNION ALL SELECT 'CpfAccountAlreadyOpen', (SELECT count(*) FROM {schema}.cpf_step WHERE step = 'ALREADY_OPEN')
            UNION ALL SELECT 'CpfConsentGiven', (SELECT count(*) FROM {schema}.cpf_step WHERE step = 'CONSENT')
            UNION ALL SELECT 'CpfConsentWithdrawn', (SELECT count(*) FROM {schema}.cpf_step WHERE step = 'CONSENT_WITHDRAWN')
            UNION ALL SELECT 'TrainingProjectCreated', (SELECT count(*) FROM {schema}.training_project)
            UNION ALL SELECT 'TrainingStarted', (SELECT count(*) FROM {schema}.training_project WHERE started_on IS NOT NULL)
            UNION ALL SELECT 'TrainingCompleted', (SELECT count(*) FROM {schema}.training_project WHERE completed_on IS NOT NULL)
            UNION ALL SELECT 'TrainingNotImplemented', (SELECT count(*) FROM {schema}.training_outcome)
            UNION ALL SELECT 'FundingDecided', (SELECT count(*) FROM {schema}.funding_decision)
            UNION ALL SELECT 'ConsentGiven (ignored: one per person)', (SELECT count(*) FROM {schema}.beneficiary)
            UNION ALL SELECT 'DiagnosticRecorded (ignored: one per accompaniment)', (SELECT count(*) FROM {schema}.accompaniment)
            UNION ALL SELECT 'SynthesisIssued (ignored: one per closure)', (SELECT count(*) FROM {schema}.accompaniment WHERE closed_on IS NOT NULL)
            UNION ALL SELECT 'CpfBalanceRecorded (ignored: one per presentation)', (SELECT count(*) FROM {schema}.cpf_step WHERE step = 'PRESENTED')
            UNION ALL SELECT 'FundingRequested (ignored: one per decision)', (SELECT count(*) FROM {schema}.funding_decision)
            """;

    private final Connection connection;
    private final String schema;

    public NationalNetworkRows(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** The schema of the generation that answers queries. */
    public static String activeSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT schema_name FROM projection_generation WHERE state = 'ACTIVE'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the reporting service has no active projection generation");
            }
            return rs.getString(1);
        }
    }

    /**
     * The generator version whose rows of this size this generation already holds (a previous run), or 0. Rows of
     * generator 1 (before versions and portfolio spans) count when the service has upgraded them in place.
     */
    public int alreadyLoaded(long beneficiaries, long targetEvents) throws SQLException {
        run(FUNCTIONS);
        try (PreparedStatement check = connection.prepareStatement("SELECT generator FROM bench.loaded "
                + "WHERE schema_name = ? AND beneficiaries = ? AND target_events = ?")) {
            check.setString(1, schema);
            check.setLong(2, beneficiaries);
            check.setLong(3, targetEvents);
            try (ResultSet rs = check.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                int generator = rs.getInt(1);
                boolean upgraded = count("SELECT count(*) FROM (SELECT 1 FROM " + schema
                        + ".portfolio_span LIMIT 1) s") > 0;
                return generator == GENERATOR_VERSION || (generator == 1 && upgraded) ? generator : 0;
            }
        }
    }

    /** Empties the generation's tables and writes the network; prints the time each table took. */
    public void load(long beneficiaries, long targetEvents) throws SQLException {
        run(FUNCTIONS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = off");
            // row by row, the triggers would cost more than the load itself: the aggregates are refreshed once below
            statement.execute("SET session_replication_role = replica");
            statement.execute("DELETE FROM bench.loaded WHERE schema_name = '" + schema + "'");
            statement.execute("TRUNCATE " + String.join(", ", TABLES.stream().map(t -> schema + "." + t).toList()));
        }
        timed("people", () -> run(PEOPLE.replaceFirst("\\?", Long.toString(beneficiaries))));
        timed("projects", () -> run(PROJECTS));
        for (Map.Entry<String, String> insert : INSERTS.entrySet()) {
            String table = insert.getKey();
            String sql = sql(insert.getValue());
            if (table.equals("level1_contact")) {
                sql = sql.replaceFirst("\\?", Long.toString(beneficiaries))
                        .replaceFirst("\\?", Long.toString(Math.round(beneficiaries * 1.5)));
            }
            if (table.equals("interview")) {
                long others = events().values().stream().mapToLong(Long::longValue).sum();
                long accompanied = count("SELECT count(*) FROM bench.person WHERE opened IS NOT NULL");
                double perAccompaniment = Math.max(0, (double) (targetEvents - others) / Math.max(1, accompanied));
                long whole = (long) Math.floor(perAccompaniment);
                sql = sql.replaceFirst("\\?", Long.toString(whole))
                        .replaceFirst("\\?", Double.toString(perAccompaniment - whole));
                System.out.printf("interviews: %.2f per accompaniment to reach %,d events%n", perAccompaniment,
                        targetEvents);
            }
            String statementSql = sql;
            timed(table, () -> run(statementSql));
        }
        int step = 0;
        for (String derived : DERIVED) {
            timed("derived " + ++step, () -> run(sql(derived)));
        }
        run("DROP TABLE bench.person; DROP TABLE bench.project");
        timed("monthly_fact", () -> run(sql("SET session_replication_role = DEFAULT; "
                + "SELECT {schema}.refresh_monthly_facts()")));
        timed("people and delays", () -> run(sql("SELECT {schema}.refresh_people_and_delays()")));
        try (PreparedStatement done = connection.prepareStatement(
                "INSERT INTO bench.loaded (schema_name, beneficiaries, target_events, generator) VALUES (?, ?, ?, ?)")) {
            done.setString(1, schema);
            done.setLong(2, beneficiaries);
            done.setLong(3, targetEvents);
            done.setInt(4, GENERATOR_VERSION);
            done.executeUpdate();
        }
    }

    /** VACUUM ANALYZE every table, as autovacuum would eventually: fresh statistics and visibility maps. */
    public void analyze() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("VACUUM ANALYZE " + schema + "." + table);
            }
            statement.execute("VACUUM ANALYZE " + schema + ".monthly_fact");
        }
    }

    public Map<String, Long> events() throws SQLException {
        Map<String, Long> events = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql(EVENTS))) {
            while (rs.next()) {
                events.put(rs.getString(1), rs.getLong(2));
            }
        }
        return events;
    }

    public Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count("SELECT count(*) FROM " + schema + "." + table));
        }
        return rows;
    }

    /** Total size of the generation's tables and indexes, for the record. */
    public String size() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n "
                        + "ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public String scalar(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(scalar(sql));
    }

    private String sql(String template) {
        return template.replace("{schema}", schema);
    }

    private void run(String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void timed(String what, Step step) throws SQLException {
        long start = System.nanoTime();
        step.run();
        System.out.printf("  loaded %-20s in %6.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }
}
