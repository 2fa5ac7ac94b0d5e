package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queries of before (the {@code switch} of SQL strings that the catalogue's resources replaced), kept only for
 * the indicators whose exact path in the catalogue is no longer the same query: there the equality test compares
 * two different queries. The other indicators' exact path is their reference query line for line (the resources
 * were cut from it): comparing it with itself would prove nothing, so {@code IndicatorPathsEqualityTest} holds the
 * pre-aggregates equal to the catalogue's exact path directly, and these to the queries below.
 * <ul>
 * <li>counsellors delivering CEP: the resource finds the counsellors met through a fragment of its own
 * ({@code active-counsellors}), here within one common table expression;</li>
 * <li>structures with new financial engineering: the resource takes the projects whose decisions were all recorded
 * by asOf from the pre-aggregate {@code funding_project} and groups the others' decisions; here every decision is
 * grouped by project (and a project's structure was
 * the first of an unordered aggregate: the same while a project never changes structure);</li>
 * <li>the funding delays' median and p90: one resource with the fraction as a parameter, here two literals;</li>
 * <li>CEP beneficiaries: the resource reads the sets of the levels held and the contacts each on its own, the
 * levels' window leaving out the accompaniments closed before the period; here one union of both (`people`) and the
 * closures joined after the window;</li>
 * <li>the CPF shares and the informed: the resources read the accompanied once each and name the withdrawal as a
 * constant; here the distinct people are taken from the pairs of person and structure, the withdrawal from the step;</li>
 * <li>the entries by orientation source: the resource counts per structure and per key; here the entries are
 * counted as a whole.</li>
 * </ul>
 */
public class ReferenceIndicatorFacts {

    static final Set<Indicator> REFERENCED = EnumSet.of(Indicator.COUNSELLORS_DELIVERING_CEP,
            Indicator.STRUCTURES_NEW_FINANCIAL_ENGINEERING, Indicator.FUNDING_DELAY_MEDIAN,
            Indicator.FUNDING_DELAY_P90, Indicator.CEP_BENEFICIARIES, Indicator.CPF_CONSENT_COLLECTED,
            Indicator.CPF_PRESENTED, Indicator.CPF_OPENING_ASSISTED, Indicator.INFORMED_ABOUT_CEP,
            Indicator.ENTRIES_BY_ORIENTATION_SOURCE);

    private static final String SCOPE = """
            WITH scope_structures AS (
                SELECT s.structure_id, s.registered_on FROM {schema}.structure s
                WHERE s.recorded_at <= :asOf
                  AND (:kind = 'NATIONAL' OR (:kind = 'REGION' AND s.region = :scopeId)
                       OR (:kind = 'STRUCTURE' AND CAST(s.structure_id AS TEXT) = :scopeId))
            ),
            reg AS (SELECT structure_id FROM scope_structures WHERE registered_on <= :pe)
            """;
    /** Levels 2-3 held and accompaniments active in the period: what the counsellors' reference reads. */
    private static final String SETS = """
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
            ),
            held AS (
                SELECT lv.* FROM levels lv LEFT JOIN closures c ON c.accompaniment_id = lv.accompaniment_id
                WHERE lv.from_date <= :pe AND (lv.next_from IS NULL OR lv.next_from > :ps)
                  AND (lv.next_from IS NULL OR lv.next_from > lv.from_date)
                  AND (c.closed_on IS NULL OR c.closed_on >= :ps)
            ),
            active AS (
                SELECT a.accompaniment_id, a.beneficiary_id, a.structure_id, a.referent_id
                FROM {schema}.accompaniment a
                WHERE a.opened_at <= :asOf AND a.opened_on <= :pe
                  AND (a.closed_at IS NULL OR a.closed_at > :asOf OR a.closed_on >= :ps)
                  AND a.structure_id IN (SELECT structure_id FROM scope_structures)
            )
            """;
    /** The people the CEP reached: at each level 2-3 they held, and at level 1 by their contacts. */
    private static final String PEOPLE = """
            , l1 AS (
                SELECT coalesce(c.beneficiary_id, c.contact_id) AS person, c.structure_id, c.counsellor_id
                FROM {schema}.level1_contact c
                WHERE c.recorded_at <= :asOf AND c.contact_date BETWEEN :ps AND :pe
                  AND c.structure_id IN (SELECT structure_id FROM scope_structures)
            ),
            people AS (
                SELECT beneficiary_id AS person, structure_id, level, service FROM held
                UNION ALL SELECT person, structure_id, 1, NULL FROM l1
            )
            """;
    /** The people of the active accompaniments, per structure. */
    private static final String ACCOMPANIED = """
            , accompanied AS (SELECT DISTINCT beneficiary_id, structure_id FROM active)
            """;
    private static final String ENTRIES = """
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
            ),
            entries AS (
                SELECT * FROM profiles b WHERE b.entry_date BETWEEN :ps AND :pe
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

    /** Structures of {@code reg} among those of a fact set {@code facts} (a CTE or sub-query with structure_id). */
    private static String contributing(String facts) {
        return "(SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM " + facts + "))";
    }

    /** The SQL of an indicator (after the scope): one row of num, den, contributing; and its breakdown. */
    private record Definition(String main, String breakdown) {
    }

    private static Definition definition(Indicator indicator) {
        return switch (indicator) {
            case COUNSELLORS_DELIVERING_CEP -> new Definition(
                    SETS + COUNSELLORS + " SELECT (SELECT count(*) FROM delivering) AS num, count(*) AS den, "
                            + contributing("delivering") + " AS contributing FROM active_counsellors", null);
            case STRUCTURES_NEW_FINANCIAL_ENGINEERING -> new Definition(
                    FINANCIAL_ENGINEERING + " SELECT " + contributing("engineered") + " AS num, "
                            + "(SELECT count(*) FROM reg) AS den, " + contributing("engineered") + " AS contributing",
                    FINANCIAL_ENGINEERING + " SELECT 'projects' AS key, count(*) AS num, NULL AS den FROM engineered");
            case FUNDING_DELAY_MEDIAN -> delay(0.5);
            case FUNDING_DELAY_P90 -> delay(0.9);
            case CEP_BENEFICIARIES -> new Definition(
                    SETS + PEOPLE + " SELECT count(*) AS num, NULL AS den, " + contributing("people")
                            + " AS contributing FROM (SELECT DISTINCT person FROM people) p",
                    SETS + PEOPLE + " SELECT 'level-' || level AS key, count(*) AS num, NULL AS den "
                            + "FROM (SELECT DISTINCT level, person FROM people) p GROUP BY level "
                            + "UNION ALL SELECT 'service-' || service, count(*), NULL "
                            + "FROM (SELECT DISTINCT service, person FROM people WHERE service IS NOT NULL) p "
                            + "GROUP BY service ORDER BY 1");
            case CPF_CONSENT_COLLECTED -> new Definition(cpfShare("CONSENT"),
                    SETS + ACCOMPANIED + " SELECT s.modality AS key, count(DISTINCT s.beneficiary_id) AS num, "
                            + "(SELECT count(DISTINCT beneficiary_id) FROM accompanied) AS den "
                            + "FROM {schema}.cpf_step s "
                            + "WHERE s.step = 'CONSENT' AND s.step_on <= :pe AND s.recorded_at <= :asOf "
                            + "AND s.modality IS NOT NULL " + NOT_WITHDRAWN
                            + "AND s.beneficiary_id IN (SELECT beneficiary_id FROM accompanied) "
                            + "GROUP BY s.modality ORDER BY 1");
            case CPF_PRESENTED -> new Definition(cpfShare("PRESENTED"), null);
            case CPF_OPENING_ASSISTED -> new Definition(cpfShare("OPENING_ASSISTED"), null);
            case INFORMED_ABOUT_CEP -> new Definition(SETS + ACCOMPANIED
                    + " SELECT count(*) FILTER (WHERE r.beneficiary_id IS NOT NULL) AS num, count(*) AS den, "
                    + contributing("accompanied") + " AS contributing "
                    + "FROM (SELECT DISTINCT beneficiary_id FROM accompanied) a "
                    + "LEFT JOIN (SELECT DISTINCT i.beneficiary_id FROM {schema}.cep_information i "
                    + "WHERE i.informed_on <= :pe AND i.recorded_at <= :asOf) r ON r.beneficiary_id = a.beneficiary_id",
                    null);
            case ENTRIES_BY_ORIENTATION_SOURCE -> new Definition(
                    ENTRIES + " SELECT count(*) FILTER (WHERE orientation_source = 'POLE_EMPLOI') AS num, "
                            + "count(*) AS den, " + contributing("entries") + " AS contributing FROM entries",
                    ENTRIES + " SELECT coalesce(orientation_source, 'UNKNOWN') AS key, count(*) AS num, "
                            + "(SELECT count(*) FROM entries) AS den FROM entries GROUP BY 1 ORDER BY 1");
            default -> throw new IllegalArgumentException(indicator.id() + ": its exact path is its reference");
        };
    }

    /** A CPF step dated by the period's end unless withdrawn (a consent) on or before the period's start. */
    private static final String NOT_WITHDRAWN = "AND NOT EXISTS (SELECT 1 FROM {schema}.cpf_step w "
            + "WHERE w.beneficiary_id = s.beneficiary_id AND w.step = s.step || '_WITHDRAWN' "
            + "AND w.step_on >= s.step_on AND w.step_on <= :ps AND w.recorded_at <= :asOf) ";

    private static String cpfShare(String step) {
        return SETS + ACCOMPANIED + " SELECT count(*) FILTER (WHERE r.beneficiary_id IS NOT NULL) AS num, count(*) AS den, "
                + contributing("accompanied") + " AS contributing "
                + "FROM (SELECT DISTINCT beneficiary_id FROM accompanied) a "
                + "LEFT JOIN (SELECT DISTINCT s.beneficiary_id FROM {schema}.cpf_step s "
                + "WHERE s.step = '" + step + "' AND s.step_on <= :pe AND s.recorded_at <= :asOf "
                + NOT_WITHDRAWN + ") r ON r.beneficiary_id = a.beneficiary_id";
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

    /** One of {@link #REFERENCED} as the queries of before computed it. */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf) {
        Map<String, Object> parameters = IndicatorFacts.parameters(scope, period, asOf);
        Definition definition = definition(indicator);
        long registered = ((Number) ProjectionSql.query(entityManager,
                generation.sql(SCOPE + " SELECT count(*) AS n FROM reg"), parameters).get(0).get("n")).longValue();
        Map<String, Object> row = ProjectionSql.query(entityManager, generation.sql(SCOPE + definition.main()),
                parameters).get(0);
        List<Map<String, Object>> parts = definition.breakdown() == null ? List.of()
                : ProjectionSql.query(entityManager, generation.sql(SCOPE + definition.breakdown()), parameters);
        // the rows read into a value as the service reads them: what differs is only the queries
        return IndicatorFacts.value(indicator, row, parts, registered);
    }
}
