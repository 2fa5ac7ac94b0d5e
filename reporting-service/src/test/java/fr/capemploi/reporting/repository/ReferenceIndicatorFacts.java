package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queries of the indicators as they were computed before the catalogue became SQL resources and before the
 * pre-aggregates: kept, unchanged, as the reference the new path must equal (IndicatorPathsEqualityTest).
 * <p>
 * How every indicator is computed from the projections, in one place. Each query starts from the same common table
 * expressions, which carry the counting rules once:
 * <ul>
 * <li>{@code scope_structures}: structures of the scope known as of {@code asOf}; facts count only for them;</li>
 * <li>{@code reg}: those registered by the period's end, the denominator of coverage and of structure shares;</li>
 * <li>{@code held}: levels 2-3 held during the period (a level lasts until the next change or the closure; one
 * changed the day it was taken is held for no day);</li>
 * <li>{@code active}: accompaniments opened by the period's end and not closed before its start;</li>
 * <li>{@code l1}: level-1 contacts of the period, an anonymous contact being a person of its own;</li>
 * <li>{@code decl}: the latest declaration of each registered structure for exactly this period.</li>
 * </ul>
 * A fact belongs to a period by its business date, and is seen only if recorded by {@code asOf}.
 */

public class ReferenceIndicatorFacts {

    private static final String SCOPE = """
            WITH scope_structures AS (
                SELECT s.structure_id, s.registered_on FROM {schema}.structure s
                WHERE s.recorded_at <= :asOf
                  AND (:kind = 'NATIONAL' OR (:kind = 'REGION' AND s.region = :scopeId)
                       OR (:kind = 'STRUCTURE' AND CAST(s.structure_id AS TEXT) = :scopeId))
            ),
            reg AS (SELECT structure_id FROM scope_structures WHERE registered_on <= :pe)
            """;
    private static final String LEVELS = """
            , levels AS (
                SELECT l.accompaniment_id, l.beneficiary_id, l.structure_id, l.referent_id, l.level, l.service,
                       l.from_date,
                       lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                           AS next_from
                FROM {schema}.accompaniment_level l
                WHERE l.recorded_at <= :asOf AND l.structure_id IN (SELECT structure_id FROM scope_structures)
            ),
            closures AS (
                SELECT accompaniment_id, closed_on FROM {schema}.accompaniment WHERE closed_at <= :asOf
            )
            """;
    private static final String DECL = """
            , decl AS (
                SELECT DISTINCT ON (d.structure_id) d.* FROM {schema}.declaration d
                WHERE d.period_start = :ps AND d.period_end = :pe AND d.recorded_at <= :asOf
                  AND d.structure_id IN (SELECT structure_id FROM reg)
                ORDER BY d.structure_id, d.version DESC
            )
            """;

    /**
     * The sets that several indicators start from, each costly at national scope (hundreds of thousands of rows). A
     * request works each one out once into a temporary table of its transaction ({@link #share}) rather than once
     * per indicator and breakdown; a table, unlike a common table expression, also gives the planner its true row
     * count, which keeps it from probing an index once per accompanied person.
     */
    public enum SharedSet {
        HELD("held", """
                SELECT lv.* FROM levels lv LEFT JOIN closures c ON c.accompaniment_id = lv.accompaniment_id
                WHERE lv.from_date <= :pe AND (lv.next_from IS NULL OR lv.next_from > :ps)
                  AND (lv.next_from IS NULL OR lv.next_from > lv.from_date)
                  AND (c.closed_on IS NULL OR c.closed_on >= :ps)""",
                "accompaniment_id UUID, beneficiary_id UUID, structure_id UUID, referent_id UUID, level INTEGER, "
                        + "service TEXT, from_date DATE, next_from DATE"),
        ACTIVE("active", """
                SELECT a.accompaniment_id, a.beneficiary_id, a.structure_id, a.referent_id
                FROM {schema}.accompaniment a
                WHERE a.opened_at <= :asOf AND a.opened_on <= :pe
                  AND (a.closed_at IS NULL OR a.closed_at > :asOf OR a.closed_on >= :ps)
                  AND a.structure_id IN (SELECT structure_id FROM scope_structures)""",
                "accompaniment_id UUID, beneficiary_id UUID, structure_id UUID, referent_id UUID"),
        L1("l1", """
                SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id, c.counsellor_id
                FROM {schema}.level1_contact c
                WHERE c.recorded_at <= :asOf AND c.contact_date BETWEEN :ps AND :pe
                  AND c.structure_id IN (SELECT structure_id FROM scope_structures)""",
                "person UUID, structure_id UUID, counsellor_id UUID"),
        ACCOMPANIED("accompanied", "SELECT DISTINCT beneficiary_id, structure_id FROM active",
                "beneficiary_id UUID, structure_id UUID");

        private final String name;
        private final String query;
        private final String columns;
        private final Pattern reference;

        SharedSet(String name, String query, String columns) {
            this.name = name;
            this.query = query;
            this.columns = columns;
            this.reference = Pattern.compile("\\b" + name + "\\b");
        }

        private String table() {
            return "pg_temp.indicator_" + name;
        }

        /** The set's common table expression: read from its table once shared, else worked out in the query. */
        private String cte(Set<SharedSet> shared) {
            return shared.contains(this)
                    ? ", " + name + " AS NOT MATERIALIZED (SELECT * FROM " + table() + ")\n"
                    : ", " + name + " AS (\n" + query + "\n)\n";
        }
    }

    /**
     * The common table expressions every query starts from, which carry the counting rules once; {@code shared}
     * names the sets already worked out into this transaction's temporary tables.
     */
    private static String common(Set<SharedSet> shared) {
        StringBuilder sql = new StringBuilder(SCOPE).append(LEVELS);
        for (SharedSet set : SharedSet.values()) {
            sql.append(set.cte(shared));
        }
        return sql.append(DECL).toString();
    }

    /**
     * What {@link #share} worked out for one scope and period in the current transaction: the sets now read from
     * temporary tables, and the structures registered by the period's end (the coverage denominator).
     */
    public record SharedSets(Set<SharedSet> tables, long registered) {
    }

    /** Structures of {@code reg} among those of a fact set {@code facts} (a CTE or sub-query with structure_id). */
    private static String contributing(String facts) {
        return "(SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM " + facts + "))";
    }

    private static String structureShare(String facts) {
        return "SELECT " + contributing(facts) + " AS num, (SELECT count(*) FROM reg) AS den, "
                + contributing(facts) + " AS contributing";
    }

    /**
     * Share of the accompanied people found in a set of people ({@code reached}: a query of beneficiary_id). A join
     * with the distinct set rather than a test per person, which at a million people is the difference between
     * one hash join and a million index probes.
     */
    private static String accompaniedShare(String reached) {
        return """
                SELECT count(*) FILTER (WHERE r.beneficiary_id IS NOT NULL) AS num, count(*) AS den, %s AS contributing
                FROM (SELECT DISTINCT beneficiary_id FROM accompanied) a
                LEFT JOIN (%s) r ON r.beneficiary_id = a.beneficiary_id
                """.formatted(contributing("accompanied"), reached);
    }

    /**
     * A step dated by the period's end counts, unless withdrawn (a consent) on or before the period's start: a
     * withdrawal after the start leaves it counted for the period.
     */
    private static final String NOT_WITHDRAWN = "\n  AND NOT EXISTS (SELECT 1 FROM {schema}.cpf_step w "
            + "WHERE w.beneficiary_id = s.beneficiary_id AND w.step = s.step || '_WITHDRAWN' "
            + "AND w.step_on >= s.step_on AND w.step_on <= :ps AND w.recorded_at <= :asOf)";

    private static String cpfStep(String step) {
        return accompaniedShare("""
                SELECT DISTINCT s.beneficiary_id FROM {schema}.cpf_step s
                WHERE s.step = '%s' AND s.step_on <= :pe AND s.recorded_at <= :asOf""".formatted(step)
                + NOT_WITHDRAWN);
    }

    private static final String PEOPLE = """
            , people AS (
                SELECT beneficiary_id AS person, structure_id, level, service FROM held
                UNION ALL SELECT person, structure_id, 1, NULL FROM l1
            )
            """;
    private static final String OPENED = """
            , opened AS (
                SELECT * FROM {schema}.accompaniment a WHERE a.opened_at <= :asOf AND a.opened_on BETWEEN :ps AND :pe
                  AND a.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    private static final String CLOSED = """
            , closed AS (
                SELECT * FROM {schema}.accompaniment a WHERE a.closed_at <= :asOf AND a.closed_on BETWEEN :ps AND :pe
                  AND a.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    private static final String COUNSELLORS = """
            , counsellor_periods AS (
                SELECT DISTINCT ON (p.counsellor_id) p.counsellor_id, p.structure_id, p.active_from, p.active_until
                FROM {schema}.counsellor_period p WHERE p.recorded_at <= :asOf
                ORDER BY p.counsellor_id, p.recorded_at DESC, p.version DESC
            ),
            active_counsellors AS (
                SELECT c.counsellor_id, c.structure_id FROM counsellor_periods c
                WHERE (c.active_from IS NULL OR c.active_from <= :pe)
                  AND (c.active_until IS NULL OR c.active_until >= :ps)
                  AND c.structure_id IN (SELECT structure_id FROM scope_structures)
            ),
            delivering AS (
                -- per counsellor, the cheapest proof first: an interview or a level-1 contact found through an index
                -- spares building the accompaniment sets for nearly everyone
                SELECT c.* FROM active_counsellors c
                WHERE EXISTS (SELECT 1 FROM {schema}.interview i WHERE i.counsellor_id = c.counsellor_id
                                AND i.held_on BETWEEN :ps AND :pe AND i.recorded_at <= :asOf)
                   OR EXISTS (SELECT 1 FROM {schema}.level1_contact x WHERE x.counsellor_id = c.counsellor_id
                                AND x.contact_date BETWEEN :ps AND :pe AND x.recorded_at <= :asOf
                                AND x.structure_id IN (SELECT structure_id FROM scope_structures))
                   OR c.counsellor_id IN (SELECT referent_id FROM active)
                   OR c.counsellor_id IN (SELECT referent_id FROM held)
            )
            """;

    private static String actions(String kind, String dateColumn, String recordedColumn) {
        return """
                , acts AS (
                    SELECT * FROM {schema}.action a WHERE a.kind = '%s' AND a.%s <= :asOf
                      AND a.%s BETWEEN :ps AND :pe AND a.structure_id IN (SELECT structure_id FROM scope_structures)
                )
                """.formatted(kind, recordedColumn, dateColumn);
    }

    private static final String OUTCOMES = """
            , outcomes AS (
                SELECT * FROM {schema}.training_outcome o WHERE o.recorded_at <= :asOf
                  AND o.decided_on BETWEEN :ps AND :pe AND o.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    private static final String FINANCIAL_ENGINEERING = """
            , projects AS (
                SELECT f.project_id, (array_agg(f.structure_id))[1] AS structure_id, min(f.decided_on) AS first_on,
                       bool_or(f.new_fe) AS new_fe
                FROM {schema}.funding_decision f WHERE f.recorded_at <= :asOf GROUP BY f.project_id
            ),
            engineered AS (
                SELECT * FROM projects WHERE new_fe AND first_on BETWEEN :ps AND :pe
                  AND structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    private static final String DECISIONS = """
            , decisions AS (
                SELECT * FROM {schema}.funding_decision f WHERE f.recorded_at <= :asOf
                  AND f.decided_on BETWEEN :ps AND :pe AND f.structure_id IN (SELECT structure_id FROM scope_structures)
            ),
            answers AS (SELECT * FROM decisions WHERE decision <> 'WITHDRAWN' AND delay_days IS NOT NULL)
            """;
    private static final String STARTED = """
            , started AS (
                SELECT * FROM {schema}.training_project p WHERE p.started_at <= :asOf
                  AND p.started_on BETWEEN :ps AND :pe AND p.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    /**
     * Registered beneficiaries of the scope with the profile recorded last by {@code asOf}: the current row when its
     * profile was recorded by then (nearly always), otherwise the older version from {@code beneficiary_profile}.
     */
    private static final String PROFILES = """
            , profiles AS (
                SELECT b.beneficiary_id, b.structure_id, b.entry_date, b.orientation_source, b.exit_date,
                       b.exit_recorded_at
                FROM {schema}.beneficiary b
                WHERE b.registered_at <= :asOf AND b.profile_recorded_at <= :asOf
                  AND b.structure_id IN (SELECT structure_id FROM scope_structures)
                UNION ALL
                SELECT b.beneficiary_id, b.structure_id, v.entry_date, v.orientation_source, b.exit_date,
                       b.exit_recorded_at
                FROM {schema}.beneficiary b
                JOIN LATERAL (
                    SELECT p.entry_date, p.orientation_source FROM {schema}.beneficiary_profile p
                    WHERE p.beneficiary_id = b.beneficiary_id AND p.recorded_at <= :asOf
                    ORDER BY p.recorded_at DESC, p.version DESC LIMIT 1
                ) v ON TRUE
                WHERE b.registered_at <= :asOf AND b.profile_recorded_at > :asOf
                  AND b.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    private static final String ENTRIES = PROFILES + """
            , entries AS (
                SELECT * FROM profiles b WHERE b.entry_date BETWEEN :ps AND :pe
            )
            """;
    private static final String EXITS = """
            , exits AS (
                SELECT * FROM {schema}.beneficiary b WHERE b.exit_recorded_at <= :asOf
                  AND b.exit_date BETWEEN :ps AND :pe AND b.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    /**
     * Members of each referent's portfolio at the period's end (always a month's last day): the monthly moves of the
     * current spans up to that month, plus the spans known by {@code asOf} but superseded since, minus the spans
     * recorded after {@code asOf}. With {@code asOf} now, both corrections are empty index ranges.
     */
    private static final String PORTFOLIO = """
            , portfolio AS (
                SELECT x.structure_id, x.counsellor_id, sum(x.n) AS members FROM (
                    SELECT m.structure_id, m.counsellor_id, m.members AS n FROM {schema}.portfolio_month m
                    WHERE m.month <= :pe
                    UNION ALL
                    SELECT s.structure_id, s.counsellor_id, 1 FROM {schema}.portfolio_span s
                    WHERE s.superseded_at > :asOf AND s.recorded_at <= :asOf
                      AND s.from_on <= :pe AND (s.until_on IS NULL OR s.until_on > :pe)
                    UNION ALL
                    SELECT s.structure_id, s.counsellor_id, -1 FROM {schema}.portfolio_span s
                    WHERE s.recorded_at > :asOf AND s.superseded_at IS NULL
                      AND s.from_on <= :pe AND (s.until_on IS NULL OR s.until_on > :pe)
                ) x
                WHERE x.structure_id IN (SELECT structure_id FROM scope_structures)
                GROUP BY x.structure_id, x.counsellor_id HAVING sum(x.n) > 0
            )
            """;


    private static String declaredSum(String column) {
        return " SELECT sum(" + column + ") AS num, NULL AS den, count(*) AS contributing FROM decl";
    }

    private static String declaredShare(String yes, String answered) {
        return " SELECT count(*) FILTER (WHERE " + yes + ") AS num, count(*) FILTER (WHERE " + answered + ") AS den, "
                + "count(*) FILTER (WHERE " + answered + ") AS contributing FROM decl";
    }

    /** The SQL of an indicator (after {@link #common}): one row of num, den, contributing; and its breakdown (key, num, den). */
    private record Definition(String main, String breakdown) {
    }

    private static Definition definition(Indicator indicator) {
        return switch (indicator) {
            case STRUCTURES_REGISTERED -> new Definition(
                    " SELECT count(*) AS num, NULL AS den, count(*) AS contributing FROM reg",
                    " SELECT s.region AS key, count(*) AS num, NULL AS den FROM {schema}.structure s "
                            + "WHERE s.structure_id IN (SELECT structure_id FROM reg) GROUP BY s.region ORDER BY 1");
            case CEP_BENEFICIARIES -> new Definition(
                    // count(*) over DISTINCT rather than count(DISTINCT): a hash of the people, where count(DISTINCT)
                    // sorts nearly a million ids
                    PEOPLE + " SELECT count(*) AS num, NULL AS den, " + contributing("people")
                            + " AS contributing FROM (SELECT DISTINCT person FROM people) p",
                    PEOPLE + " SELECT 'level-' || level AS key, count(*) AS num, NULL AS den "
                            + "FROM (SELECT DISTINCT level, person FROM people) p GROUP BY level "
                            + "UNION ALL SELECT 'service-' || service, count(*), NULL "
                            + "FROM (SELECT DISTINCT service, person FROM people WHERE service IS NOT NULL) p "
                            + "GROUP BY service ORDER BY 1");
            case ACCOMPANIMENTS_OPENED -> new Definition(
                    OPENED + " SELECT count(*) AS num, NULL AS den, " + contributing("opened") + " AS contributing "
                            + "FROM opened",
                    OPENED + " SELECT 'level-' || level AS key, count(*) AS num, NULL AS den FROM opened "
                            + "GROUP BY level ORDER BY 1");
            case ACCOMPANIMENTS_CLOSED -> new Definition(
                    CLOSED + " SELECT count(*) AS num, NULL AS den, " + contributing("closed") + " AS contributing "
                            + "FROM closed",
                    CLOSED + " SELECT outcome AS key, count(*) AS num, NULL AS den FROM closed GROUP BY outcome "
                            + "ORDER BY 1");
            case STRUCTURES_TRACING_LEVEL1 -> new Definition(" " + structureShare("l1"), null);
            case STRUCTURES_DECLARING_LEVEL1 -> new Definition(
                    declaredShare("level1_delivered", "level1_delivered IS NOT NULL"), null);
            case COUNSELLORS_DELIVERING_CEP -> new Definition(
                    COUNSELLORS + " SELECT (SELECT count(*) FROM delivering) AS num, count(*) AS den, "
                            + contributing("delivering") + " AS contributing FROM active_counsellors", null);
            case STRUCTURES_RECORDING_CEP -> new Definition(" " + structureShare("active"), null);
            case INFORMED_ABOUT_CEP -> new Definition(" " + accompaniedShare("""
                    SELECT DISTINCT i.beneficiary_id FROM {schema}.cep_information i
                    WHERE i.informed_on <= :pe AND i.recorded_at <= :asOf"""), null);
            case CPF_PRESENTED -> new Definition(" " + cpfStep("PRESENTED"), null);
            case CPF_OPENING_ASSISTED -> new Definition(" " + cpfStep("OPENING_ASSISTED"), null);
            case CPF_CONSENT_COLLECTED -> new Definition(" " + cpfStep("CONSENT"), """
                     SELECT s.modality AS key, count(DISTINCT s.beneficiary_id) AS num,
                            (SELECT count(DISTINCT beneficiary_id) FROM accompanied) AS den
                     FROM {schema}.cpf_step s
                     WHERE s.step = 'CONSENT' AND s.step_on <= :pe AND s.recorded_at <= :asOf
                       AND s.modality IS NOT NULL""" + NOT_WITHDRAWN + """
                       AND s.beneficiary_id IN (SELECT beneficiary_id FROM accompanied)
                     GROUP BY s.modality ORDER BY 1
                    """);
            case PMSMP_PRESCRIBED -> actionCount("PMSMP", "planned_on", "planned_at", "pmsmp_purpose");
            case PMSMP_DONE -> actionCount("PMSMP", "done_on", "done_at", "pmsmp_purpose");
            case ALTERNANCE_PRESCRIBED -> actionCount("ALTERNANCE", "planned_on", "planned_at", "alternance_contract");
            case ALTERNANCE_DONE -> actionCount("ALTERNANCE", "done_on", "done_at", "alternance_contract");
            case TRAININGS_NOT_IMPLEMENTED -> new Definition(
                    OUTCOMES + " SELECT count(*) AS num, NULL AS den, " + contributing("outcomes")
                            + " AS contributing FROM outcomes",
                    OUTCOMES + " SELECT reason AS key, count(*) AS num, NULL AS den "
                            + "FROM outcomes, unnest(reasons) AS reason GROUP BY reason ORDER BY 1");
            case STRUCTURES_TRAINING_NOT_IMPLEMENTED -> new Definition(OUTCOMES + structureShare("outcomes"), null);
            case STRUCTURES_NEW_FINANCIAL_ENGINEERING -> new Definition(
                    FINANCIAL_ENGINEERING + structureShare("engineered"),
                    FINANCIAL_ENGINEERING + " SELECT 'projects' AS key, count(*) AS num, NULL AS den FROM engineered");
            case STRUCTURES_NO_NEW_FUNDER -> new Definition(
                    declaredShare("NOT new_funders_used", "new_funders_used IS NOT NULL"), null);
            case TRAININGS_STARTED -> new Definition(
                    STARTED + " SELECT count(*) AS num, NULL AS den, " + contributing("started")
                            + " AS contributing FROM started",
                    STARTED + " SELECT 'cpf-funded' AS key, count(*) FILTER (WHERE cpf_funded) AS num, NULL AS den "
                            + "FROM started");
            case FUNDING_DECISIONS -> new Definition(
                    DECISIONS + " SELECT count(*) AS num, NULL AS den, " + contributing("decisions")
                            + " AS contributing FROM decisions",
                    DECISIONS + " SELECT decision AS key, count(*) AS num, NULL AS den FROM decisions GROUP BY decision "
                            + "UNION ALL SELECT 'funder-' || funder, count(*), NULL FROM decisions GROUP BY funder "
                            + "ORDER BY 1");
            case FUNDING_DELAY_MEDIAN -> delay(0.5);
            case FUNDING_DELAY_P90 -> delay(0.9);
            case ENTRIES_BY_ORIENTATION_SOURCE -> new Definition(
                    ENTRIES + " SELECT count(*) FILTER (WHERE orientation_source = 'POLE_EMPLOI') AS num, "
                            + "count(*) AS den, " + contributing("entries") + " AS contributing FROM entries",
                    ENTRIES + " SELECT coalesce(orientation_source, 'UNKNOWN') AS key, count(*) AS num, "
                            + "(SELECT count(*) FROM entries) AS den FROM entries GROUP BY 1 ORDER BY 1");
            case EXITS_BY_REASON -> new Definition(
                    EXITS + " SELECT count(*) AS num, NULL AS den, " + contributing("exits") + " AS contributing "
                            + "FROM exits",
                    EXITS + " SELECT exit_reason AS key, count(*) AS num, NULL AS den FROM exits GROUP BY exit_reason "
                            + "ORDER BY 1");
            case CEP_DECISION_TAKEN -> new Definition(
                    CLOSED + " SELECT count(*) FILTER (WHERE decision_taken) AS num, count(*) AS den, "
                            + contributing("closed") + " AS contributing FROM closed",
                    CLOSED + " SELECT outcome AS key, count(*) AS num, (SELECT count(*) FROM closed) AS den "
                            + "FROM closed GROUP BY outcome ORDER BY 1");
            case AVERAGE_PORTFOLIO -> new Definition(
                    PORTFOLIO + " SELECT CAST(coalesce(sum(members), 0) AS BIGINT) AS num, "
                            + "count(DISTINCT counsellor_id) AS den, " + contributing("portfolio")
                            + " AS contributing FROM portfolio", null);
            case DECLARED_FTE_LEVEL1_ONLY -> new Definition(declaredSum("level1_only_fte"), null);
            case DECLARED_FTE_LEVELS23_ONLY -> new Definition(declaredSum("levels23_only_fte"), null);
            case DECLARED_FTE_ALL_LEVELS -> new Definition(declaredSum("all_levels_fte"), null);
            case DECLARED_FTE_TOTAL -> new Definition(declaredSum("total_fte"), null);
            case DECLARED_FTE_SUPPORT -> new Definition(declaredSum("support_fte"), null);
            case PROFESSIONALISATION_ACTIONS -> new Definition(declaredShare("professionalisation_engaged", "TRUE"),
                    " SELECT action AS key, count(*) AS num, (SELECT count(*) FROM decl) AS den "
                            + "FROM decl, unnest(professionalisation_actions) AS action GROUP BY action ORDER BY 1");
            case SYSTEMATIC_TRAINING -> new Definition(declaredShare("systematic_training", "TRUE"), null);
            case CEP_TRAINING_DAYS_PER_COUNSELLOR -> new Definition(
                    " SELECT sum(cep_training_days) AS num, sum(counsellors_trained) AS den, count(*) AS contributing "
                            + "FROM decl WHERE cep_training_days IS NOT NULL AND counsellors_trained > 0", null);
            case MUTUALISED_OFFER_USED -> new Definition(
                    declaredShare("mutualised_offer_used", "mutualised_offer_used IS NOT NULL"),
                    " SELECT nature AS key, count(*) AS num, "
                            + "(SELECT count(*) FROM decl WHERE mutualised_offer_used IS NOT NULL) AS den "
                            + "FROM decl, unnest(mutualised_offer_natures) AS nature WHERE mutualised_offer_used "
                            + "GROUP BY nature ORDER BY 1");
            case AT_LEAST_ONE_CEP_TRAINING -> new Definition(declaredShare("at_least_one_cep_training", "TRUE"), null);
        };
    }

    private static Definition actionCount(String kind, String dateColumn, String recordedColumn, String detail) {
        String acts = actions(kind, dateColumn, recordedColumn);
        return new Definition(
                acts + " SELECT count(*) AS num, NULL AS den, " + contributing("acts") + " AS contributing FROM acts",
                acts + " SELECT " + detail + " AS key, count(*) AS num, NULL AS den FROM acts WHERE " + detail
                        + " IS NOT NULL GROUP BY " + detail + " ORDER BY 1");
    }

    private static Definition delay(double fraction) {
        String statistic = "percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY delay_days)";
        return new Definition(
                DECISIONS + " SELECT " + statistic + " AS num, count(*) AS den, " + contributing("answers")
                        + " AS contributing FROM answers",
                DECISIONS + " SELECT funder AS key, " + statistic + " AS num, count(*) AS den FROM answers "
                        + "GROUP BY funder ORDER BY 1");
    }

    private final EntityManager entityManager;

    public ReferenceIndicatorFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Gives the current transaction's sorts and hashes {@code workMem} (PostgreSQL's 4 MB default makes every
     * national query spill to disk), and a plan made for each query's own values: the driver reuses a statement it
     * has seen a few times, and PostgreSQL may then switch to a generic plan, blind to the scope (national or one
     * structure) and to the period. Both revert at the end of the transaction.
     */
    public void useWorkMem(String workMem) {
        ProjectionSql.query(entityManager, "SELECT set_config('work_mem', :workMem, true) AS v, "
                + "set_config('plan_cache_mode', 'force_custom_plan', true) AS p", Map.of("workMem", workMem));
    }

    /**
     * Works out, once for the given scope and period, the shared sets that {@code indicators} read, into temporary
     * tables dropped at the end of the transaction (or replaced by the next call, for the next period of a series).
     * The indicators are then computed with {@link #compute(Generation, Indicator, Scope, ReportingPeriod, Instant,
     * SharedSets)} in the same transaction.
     */
    public SharedSets share(Generation generation, List<Indicator> indicators, Scope scope, ReportingPeriod period,
            Instant asOf) {
        Map<String, Object> parameters = parameters(scope, period, asOf);
        Set<SharedSet> needed = EnumSet.noneOf(SharedSet.class);
        for (Indicator indicator : indicators) {
            Definition definition = definition(indicator);
            for (SharedSet set : SharedSet.values()) {
                if (set.reference.matcher(definition.main()).find() || (definition.breakdown() != null
                        && set.reference.matcher(definition.breakdown()).find())) {
                    needed.add(set);
                }
            }
        }
        Set<SharedSet> shared = EnumSet.noneOf(SharedSet.class);
        for (SharedSet set : SharedSet.values()) {
            if (needed.contains(set)) {
                ProjectionSql.update(entityManager, "DROP TABLE IF EXISTS " + set.table());
                ProjectionSql.update(entityManager, "CREATE TEMPORARY TABLE indicator_" + set.name + " ("
                        + set.columns + ") ON COMMIT DROP");
                // the sets shared so far feed the next ones (accompanied people from the active accompaniments)
                ProjectionSql.execute(entityManager, generation.sql("INSERT INTO " + set.table() + " "
                        + common(shared) + " SELECT * FROM " + set.name), parameters);
                ProjectionSql.update(entityManager, "ANALYZE " + set.table());
                shared.add(set);
            }
        }
        long registered = ((Number) ProjectionSql.query(entityManager,
                generation.sql(SCOPE + " SELECT count(*) AS n FROM reg"), parameters).get(0).get("n")).longValue();
        return new SharedSets(Set.copyOf(shared), registered);
    }

    /** One indicator on its own: works out the sets it needs, then computes it. */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf) {
        return compute(generation, indicator, scope, period, asOf,
                share(generation, List.of(indicator), scope, period, asOf));
    }

    /** @param shared {@link #share} for the same scope, period and asOf, worked out once for many indicators */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf, SharedSets shared) {
        Map<String, Object> parameters = parameters(scope, period, asOf);
        Definition definition = definition(indicator);
        String common = common(shared.tables());
        Map<String, Object> row = ProjectionSql.query(entityManager, generation.sql(common + definition.main()),
                parameters).get(0);
        BigDecimal numerator = decimal(row.get("num"));
        BigDecimal denominator = decimal(row.get("den"));
        List<IndicatorValue.Part> parts = new ArrayList<>();
        if (definition.breakdown() != null) {
            for (Map<String, Object> part : ProjectionSql.query(entityManager,
                    generation.sql(common + definition.breakdown()), parameters)) {
                BigDecimal partNumerator = decimal(part.get("num"));
                BigDecimal partDenominator = decimal(part.get("den"));
                parts.add(new IndicatorValue.Part(String.valueOf(part.get("key")),
                        IndicatorValue.valueOf(indicator.unit(), partNumerator, partDenominator), partNumerator,
                        partDenominator));
            }
        }
        return new IndicatorValue(indicator, IndicatorValue.valueOf(indicator.unit(), numerator, denominator),
                numerator, denominator,
                new IndicatorValue.Coverage(((Number) row.get("contributing")).longValue(), shared.registered()),
                parts);
    }

    private static Map<String, Object> parameters(Scope scope, ReportingPeriod period, Instant asOf) {
        return Map.of("kind", scope.kind().name(), "scopeId", scope.id(), "ps", period.start(), "pe", period.end(),
                "asOf", asOf);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() < 0 ? decimal.setScale(0) : decimal.stripTrailingZeros();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().scale() < 0 ? BigDecimal.valueOf(d).setScale(0)
                    : BigDecimal.valueOf(d).stripTrailingZeros();
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }
}
