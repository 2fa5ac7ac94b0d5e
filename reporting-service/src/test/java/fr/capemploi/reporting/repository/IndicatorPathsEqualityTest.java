package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.testsupport.NationalNetworkRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The indicators as a request computes them ({@link IndicatorFacts#computeAll}: the pre-aggregates "as of now", the
 * independent queries side by side on connections sharing the request's snapshot) equal, value, breakdown and
 * coverage, the catalogue's exact path over the facts; and where that exact path is no longer the query of before,
 * it equals that query ({@link ReferenceIndicatorFacts}: only the indicators whose exact path was rewritten, the
 * others' exact path being their reference line for line). On the benchmark's generated network at several scales: every indicator, at national,
 * region and structure scope, for a year, a half, a quarter and a month, as of now and as of instants in the past:
 * each kind of period on each route a request can take for it (the pre-aggregates as of now, those exact as of a past
 * asOf after the period, the exact path with asOf within the period, at its start or before it), the route asserted,
 * in 12 periods and asOf per scope. (It asked 15: every period at every asOf, three of them a kind of period on a
 * route already taken, each costing as much PostgreSQL time as the others.)
 *
 * <p>A past asOf after a period of whole months is answered for the distinct-people family by their pre-aggregates
 * ({@code members}, declared {@code -- @exact-as-of}) less the people with facts recorded after asOf, counted again
 * from their facts, and for the counts by business date by {@code monthly_fact} less the rows recorded after asOf
 * (fragment {@code facts}): those comparisons hold that path equal to the exact one too.
 *
 * <p>The network is written with the triggers off and its pre-aggregates computed at once, as the benchmark loads
 * it; then corrections go through the triggers, as the projections write: dates moved from one month or year to
 * another, closures and exits taken back, facts removed and added. The pre-aggregates kept by the triggers must
 * then equal a recomputation from scratch.
 *
 * <p>The comparison of the paths runs at every scale on the corrected network, its pre-aggregates those the triggers
 * kept, shown equal row for row to a recomputation (the benchmark's load) of the corrected facts. On the network as
 * loaded, before the corrections, it runs at the smallest scale only: at the larger one it was a third of the test's
 * time, and what it compared there, the recomputation's pre-aggregates against the facts, the corrected network's
 * comparison covers on the same rows but the few hundred the corrections touch.
 */
@QuarkusTest
public class IndicatorPathsEqualityTest {

    @Inject
    GenerationRepository generations;

    @Inject
    IndicatorFacts facts;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    /** Corrections as projections make them, each row touched firing the triggers. */
    private static final List<String> CORRECTIONS = List.of(
            // openings and closures moved by a month, some across a year's end
            "UPDATE {schema}.accompaniment SET opened_on = opened_on + 31 WHERE accompaniment_id IN "
                    + "(SELECT accompaniment_id FROM {schema}.accompaniment ORDER BY accompaniment_id LIMIT 40)",
            "UPDATE {schema}.accompaniment SET closed_on = closed_on - 45, outcome = 'CORRECTED', decision_taken = NOT "
                    + "coalesce(decision_taken, FALSE) WHERE closed_on IS NOT NULL AND accompaniment_id IN "
                    + "(SELECT accompaniment_id FROM {schema}.accompaniment ORDER BY md5(accompaniment_id::text) LIMIT 60)",
            // closures and exits taken back
            "UPDATE {schema}.accompaniment SET closed_on = NULL, closed_at = NULL, outcome = NULL WHERE accompaniment_id IN "
                    + "(SELECT accompaniment_id FROM {schema}.accompaniment WHERE closed_on IS NOT NULL "
                    + "ORDER BY accompaniment_id DESC LIMIT 20)",
            "UPDATE {schema}.beneficiary SET exit_date = NULL, exit_reason = NULL, exit_recorded_at = NULL "
                    + "WHERE beneficiary_id IN (SELECT beneficiary_id FROM {schema}.beneficiary "
                    + "WHERE exit_date IS NOT NULL ORDER BY beneficiary_id LIMIT 30)",
            "UPDATE {schema}.beneficiary SET exit_date = entry_date + 400, exit_reason = 'EMPLOYMENT', "
                    + "exit_recorded_at = recorded_at + interval '400 days' WHERE exit_date IS NULL AND beneficiary_id IN "
                    + "(SELECT beneficiary_id FROM {schema}.beneficiary ORDER BY md5(beneficiary_id::text) LIMIT 30)",
            // profiles corrected: the entry moved, the orientation changed
            "UPDATE {schema}.beneficiary SET orientation_source = 'OTHER', entry_date = entry_date + 40, "
                    + "profile_recorded_at = profile_recorded_at + interval '40 days' WHERE beneficiary_id IN "
                    + "(SELECT beneficiary_id FROM {schema}.beneficiary ORDER BY beneficiary_id DESC LIMIT 30)",
            // a beneficiary's other columns change without moving a count
            "UPDATE {schema}.beneficiary SET erased = TRUE WHERE beneficiary_id IN "
                    + "(SELECT beneficiary_id FROM {schema}.beneficiary ORDER BY md5(beneficiary_id::text) DESC LIMIT 5)",
            // actions completed and their purposes completed
            "UPDATE {schema}.action SET done_on = planned_on + 20, done_at = planned_at + interval '20 days', "
                    + "pmsmp_purpose = coalesce(pmsmp_purpose, 'DISCOVERY') WHERE done_on IS NULL AND action_id IN "
                    + "(SELECT action_id FROM {schema}.action ORDER BY action_id LIMIT 50)",
            "DELETE FROM {schema}.action WHERE action_id IN (SELECT action_id FROM {schema}.action "
                    + "ORDER BY action_id DESC LIMIT 25)",
            // actions done recorded well over a year late: monthly_fact counts them now, a past asOf must not
            "UPDATE {schema}.action SET done_at = done_at + interval '500 days' WHERE action_id IN "
                    + "(SELECT action_id FROM {schema}.action WHERE done_on IS NOT NULL "
                    + "ORDER BY md5(action_id::text) LIMIT 40)",
            // outcomes decided again with other reasons, trainings started later, decisions removed
            "UPDATE {schema}.training_outcome SET decided_on = decided_on + 92, reasons = ARRAY['FUNDING', 'HEALTH'], "
                    + "recorded_at = recorded_at + interval '92 days' WHERE project_id IN "
                    + "(SELECT project_id FROM {schema}.training_outcome ORDER BY project_id LIMIT 20)",
            "UPDATE {schema}.training_project SET started_on = started_on + 61, cpf_funded = NOT coalesce(cpf_funded, "
                    + "FALSE) WHERE started_on IS NOT NULL AND project_id IN "
                    + "(SELECT project_id FROM {schema}.training_project ORDER BY project_id LIMIT 30)",
            "DELETE FROM {schema}.funding_decision WHERE event_id IN (SELECT event_id FROM {schema}.funding_decision "
                    + "ORDER BY event_id LIMIT 25)",
            "INSERT INTO {schema}.funding_decision (event_id, request_id, project_id, beneficiary_id, structure_id, "
                    + "funder, decision, requested_on, decided_on, delay_days, new_fe, recorded_at) "
                    + "SELECT md5('extra' || event_id)::uuid, request_id, project_id, beneficiary_id, structure_id, "
                    + "'REGION', 'GRANTED', requested_on, decided_on + 10, delay_days + 10, FALSE, "
                    + "recorded_at + interval '10 days' FROM {schema}.funding_decision ORDER BY event_id DESC LIMIT 25",
            // answers at a structure the reporting does not know: counted at no scope, taken back from the national
            // sums of the delays
            "INSERT INTO {schema}.funding_decision (event_id, request_id, project_id, beneficiary_id, structure_id, "
                    + "funder, decision, requested_on, decided_on, delay_days, new_fe, recorded_at) "
                    + "SELECT md5('unknown' || event_id)::uuid, request_id, md5('unknown' || project_id)::uuid, "
                    + "beneficiary_id, md5('unknown structure')::uuid, funder, 'GRANTED', requested_on, decided_on, "
                    + "delay_days + 1, FALSE, recorded_at FROM {schema}.funding_decision WHERE delay_days IS NOT NULL "
                    + "ORDER BY md5(event_id::text) LIMIT 30",
            // projects' first decisions moved across months and years, their engineering flipped
            "UPDATE {schema}.funding_decision SET decided_on = decided_on - 75, new_fe = NOT new_fe WHERE event_id IN "
                    + "(SELECT event_id FROM {schema}.funding_decision ORDER BY md5(event_id::text) DESC LIMIT 40)",
            "UPDATE {schema}.funding_decision SET delay_days = delay_days + 3, funder = 'AGEFIPH' WHERE event_id IN "
                    + "(SELECT event_id FROM {schema}.funding_decision WHERE delay_days IS NOT NULL "
                    + "ORDER BY md5(event_id::text) LIMIT 25)",
            // the distinct-people family: levels changed later, a level corrected the same day, contacts moved and
            // removed, information moved, consents withdrawn the day they were given on a month's first day and
            // presentations months later
            "UPDATE {schema}.accompaniment_level SET from_date = from_date + 20 WHERE event_id IN "
                    + "(SELECT event_id FROM {schema}.accompaniment_level ORDER BY event_id LIMIT 40)",
            "INSERT INTO {schema}.accompaniment_level (event_id, accompaniment_id, beneficiary_id, structure_id, "
                    + "referent_id, level, service, from_date, recorded_at) SELECT md5('same-day' || event_id)::uuid, "
                    + "accompaniment_id, beneficiary_id, structure_id, referent_id, 5 - level, service, from_date, "
                    + "recorded_at + interval '1 hour' FROM {schema}.accompaniment_level ORDER BY md5(event_id::text) "
                    + "LIMIT 20",
            "UPDATE {schema}.level1_contact SET contact_date = contact_date + 35 WHERE contact_id IN "
                    + "(SELECT contact_id FROM {schema}.level1_contact ORDER BY contact_id LIMIT 40)",
            "DELETE FROM {schema}.level1_contact WHERE contact_id IN (SELECT contact_id FROM {schema}.level1_contact "
                    + "ORDER BY contact_id DESC LIMIT 20)",
            "UPDATE {schema}.cep_information SET informed_on = informed_on + 70 WHERE event_id IN "
                    + "(SELECT event_id FROM {schema}.cep_information ORDER BY event_id LIMIT 40)",
            "UPDATE {schema}.cpf_step SET step_on = CAST(date_trunc('month', step_on) AS DATE) WHERE event_id IN "
                    + "(SELECT event_id FROM {schema}.cpf_step WHERE step = 'CONSENT' ORDER BY event_id LIMIT 20)",
            "INSERT INTO {schema}.cpf_step (event_id, beneficiary_id, structure_id, counsellor_id, step, step_on, "
                    + "recorded_at) SELECT md5('withdrawn' || event_id)::uuid, beneficiary_id, structure_id, "
                    + "counsellor_id, step || '_WITHDRAWN', step_on + CASE step WHEN 'CONSENT' THEN 0 ELSE 100 END, "
                    + "recorded_at + interval '1 hour' FROM {schema}.cpf_step WHERE step IN ('CONSENT', 'PRESENTED') "
                    + "ORDER BY event_id LIMIT 40",
            // referents changed on accompaniments and on levels: counsellors delivering CEP move
            "UPDATE {schema}.accompaniment a SET referent_id = (SELECT c.counsellor_id FROM {schema}.counsellor c "
                    + "WHERE c.structure_id = a.structure_id ORDER BY c.counsellor_id LIMIT 1) WHERE accompaniment_id IN "
                    + "(SELECT accompaniment_id FROM {schema}.accompaniment ORDER BY md5(accompaniment_id::text) LIMIT 30)",
            "UPDATE {schema}.accompaniment_level l SET referent_id = (SELECT c.counsellor_id FROM {schema}.counsellor c "
                    + "WHERE c.structure_id = l.structure_id ORDER BY c.counsellor_id DESC LIMIT 1) WHERE event_id IN "
                    + "(SELECT event_id FROM {schema}.accompaniment_level ORDER BY md5(event_id::text) DESC LIMIT 30)",
            // people accompanied at a second structure too: counted once at national scope, at each structure
            "INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, referent_id, level, "
                    + "service, opened_on, opened_at, recorded_at) SELECT md5('second' || a.accompaniment_id)::uuid, "
                    + "a.beneficiary_id, (SELECT s.structure_id FROM {schema}.structure s "
                    + "WHERE s.structure_id <> a.structure_id ORDER BY s.code LIMIT 1), a.referent_id, 2, a.service, "
                    + "a.opened_on + 100, a.opened_at + interval '100 days', a.recorded_at "
                    + "FROM {schema}.accompaniment a WHERE a.opened_on IS NOT NULL ORDER BY a.accompaniment_id LIMIT 30",
            "INSERT INTO {schema}.accompaniment_level (event_id, accompaniment_id, beneficiary_id, structure_id, "
                    + "referent_id, level, service, from_date, recorded_at) SELECT md5('level' || accompaniment_id)::uuid, "
                    + "accompaniment_id, beneficiary_id, structure_id, referent_id, level, service, opened_on, opened_at "
                    + "FROM {schema}.accompaniment WHERE accompaniment_id IN "
                    + "(SELECT md5('second' || accompaniment_id)::uuid FROM {schema}.accompaniment)");

    /** The counts by business date: monthly_fact less the rows recorded after asOf (fragment {@code facts}). */
    private static final List<Indicator> BY_DATE = List.of(Indicator.ACCOMPANIMENTS_OPENED,
            Indicator.ACCOMPANIMENTS_CLOSED, Indicator.CEP_DECISION_TAKEN, Indicator.ENTRIES_BY_ORIENTATION_SOURCE,
            Indicator.EXITS_BY_REASON, Indicator.FUNDING_DECISIONS, Indicator.PMSMP_PRESCRIBED, Indicator.PMSMP_DONE,
            Indicator.ALTERNANCE_PRESCRIBED, Indicator.ALTERNANCE_DONE, Indicator.TRAININGS_STARTED,
            Indicator.TRAININGS_NOT_IMPLEMENTED, Indicator.STRUCTURES_TRAINING_NOT_IMPLEMENTED);

    /**
     * The pre-aggregates the triggers keep, and what of each row a recomputation must give again (also a rebuild's,
     * filled by a recomputation: {@code ProjectionRebuildTest}).
     */
    public static final Map<String, String> AGGREGATES = Map.of(
            "monthly_fact", "structure_id, month, fact, key, n, m",
            "member_item", "person, line, structure_id, a, b, w, shared, recorded",
            "member_month", "line, month, structure_id, starts, ends",
            "member_pair", "structure_id, line, b, a, w",
            "delay_month", "month, funder, delay_days, n",
            "referent_item", "accompaniment_id, referent_id, structure_id, a, b, recorded",
            "delay_day", "month, structure_id, funder, delay_days, n",
            "funding_project", "project_id, structure_id, first_on, new_fe, recorded_max");

    @ParameterizedTest(name = "{0} beneficiaries, {1} events, compared as loaded too: {2}")
    @CsvSource({"300, 6000, true", "2000, 40000, false"})
    void theCatalogueAndItsPreAggregatesEqualTheReferenceQueries(long beneficiaries, long events,
            boolean comparedAsLoaded) throws Exception {
        Generation scratch = scratch(generations);
        try {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                NationalNetworkRows network = new NationalNetworkRows(connection, scratch.schema());
                network.load(beneficiaries, events);
                assertThat(network.scalar("SELECT count(*) FROM " + scratch.schema() + ".monthly_fact"))
                        .isNotEqualTo("0");
                if (comparedAsLoaded) {
                    compare(scratch, network);
                }
                try (Statement statement = connection.createStatement()) {
                    for (String correction : CORRECTIONS) {
                        assertThat(statement.executeUpdate(scratch.sql(correction))).as(correction).isPositive();
                    }
                    // what the triggers kept, beside what a recomputation gives; a counter back to zero counts
                    // nowhere, a recomputation writes none
                    for (String table : AGGREGATES.keySet()) {
                        statement.execute(scratch.sql("CREATE TABLE {schema}.kept_" + table + " AS SELECT * FROM "
                                + "{schema}." + table + " WHERE " + nonZero(table)));
                    }
                    statement.execute(scratch.sql("SELECT {schema}.refresh_monthly_facts()"));
                    statement.execute(scratch.sql("SELECT {schema}.refresh_people_and_delays()"));
                }
                for (Map.Entry<String, String> aggregate : AGGREGATES.entrySet()) {
                    String table = aggregate.getKey();
                    String columns = aggregate.getValue();
                    String difference = scratch.sql("SELECT count(*) FROM ((SELECT " + columns + " FROM {schema}.kept_"
                            + table + " EXCEPT SELECT " + columns + " FROM {schema}." + table + ") UNION ALL (SELECT "
                            + columns + " FROM {schema}." + table + " EXCEPT SELECT " + columns + " FROM {schema}.kept_"
                            + table + ")) d");
                    assertThat(network.scalar(difference)).as("%s rows kept by the triggers unlike a refresh", table)
                            .isEqualTo("0");
                    assertThat(network.scalar(scratch.sql("SELECT count(*) FROM {schema}." + table)))
                            .as("%s holds rows", table).isNotEqualTo("0");
                }
                // the corrections recorded facts of the periods compared long after them, which monthly_fact counts
                // now and a past asOf must not (exits recorded 400 days on, outcomes decided again 92 days on)
                assertThat(network.scalar(scratch.sql("SELECT (SELECT count(*) FROM {schema}.beneficiary "
                        + "WHERE exit_date BETWEEN '2015-01-01' AND '2016-12-31' "
                        + "AND exit_recorded_at > '2017-03-15T12:00:00Z') + (SELECT count(*) FROM "
                        + "{schema}.training_outcome WHERE decided_on <= '2016-12-31' "
                        + "AND recorded_at > '2017-03-15T12:00:00Z') + (SELECT count(*) FROM {schema}.action "
                        + "WHERE done_on <= '2016-12-31' AND done_at > '2017-03-15T12:00:00Z')")))
                        .as("late facts of the periods compared")
                        .isNotEqualTo("0");
                // the corrections reached the cases the people's pre-aggregates handle apart
                assertThat(network.scalar(scratch.sql("SELECT count(*) FROM {schema}.member_item WHERE shared")))
                        .as("people counted at two structures").isNotEqualTo("0");
                assertThat(network.scalar(scratch.sql("SELECT count(*) FROM {schema}.member_item WHERE a > b")))
                        .as("memberships only a period holding both their months counts").isNotEqualTo("0");
                try (Statement statement = connection.createStatement()) {
                    // the refreshed rows go, the kept ones answer; put back as they were, with the triggers off (the
                    // projects' triggers would add their contributions to monthly_fact a second time)
                    statement.execute("SET session_replication_role = replica");
                    for (String table : AGGREGATES.keySet()) {
                        statement.execute(scratch.sql("TRUNCATE {schema}." + table));
                        statement.execute(scratch.sql("INSERT INTO {schema}." + table + " SELECT * FROM {schema}.kept_"
                                + table));
                    }
                    // and the latest recordings the counters hold, as the folds kept them (V16)
                    statement.execute(scratch.sql("SELECT {schema}.recount_pre_aggregate_recorded()"));
                    statement.execute("SET session_replication_role = DEFAULT");
                }
                compare(scratch, network);
                if (comparedAsLoaded) {
                    withoutTheLatestRecordingKeptBeside(scratch, connection);
                }
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> generations.drop(scratch, List.of()));
        }
    }

    /**
     * A generation built before the projection schema's baseline answers, unmigrated, until its rebuild is switched
     * to: it has no {@code pre_aggregate_recorded} (V16, V17), and each whole-month answer's check failed on it. Its
     * answers read the latest recordings of {@code monthly_fact}, {@code member_item} and {@code referent_item} from
     * their rows instead: the same route and values as the table beside them gave, and a row recorded after asOf
     * still sends the answer off the current route.
     */
    private void withoutTheLatestRecordingKeptBeside(Generation generation, Connection connection) throws Exception {
        List<Indicator> all = Arrays.asList(Indicator.values());
        ReportingPeriod year = ReportingPeriod.parse("2016");
        Instant present = Instant.now();
        List<IndicatorValue> kept = QuarkusTransaction.requiringNew().call(() -> facts.computeAll(generation, all,
                Scope.national(), year, present));
        try (Statement statement = connection.createStatement()) {
            statement.execute(generation.sql("DROP TABLE {schema}.pre_aggregate_recorded"));
            assertThat(QuarkusTransaction.requiringNew().call(() -> facts.paths(generation, Scope.national(), year,
                    present))).isEqualTo(new IndicatorFacts.Paths(true, false));
            assertThat(QuarkusTransaction.requiringNew().call(() -> facts.computeAll(generation, all,
                    Scope.national(), year, present))).isEqualTo(kept);
            statement.execute(generation.sql("UPDATE {schema}.monthly_fact SET recorded_max = now() + INTERVAL '1 day' "
                    + "WHERE ctid = (SELECT ctid FROM {schema}.monthly_fact LIMIT 1)"));
            assertThat(QuarkusTransaction.requiringNew().call(() -> facts.paths(generation, Scope.national(), year,
                    present).current())).as("a count recorded after asOf").isFalse();
        }
    }

    /** What each pre-aggregate counts (its rows that count, the columns a recomputation gives again). */
    public static Map<String, List<String>> counted(Statement statement, Generation generation) throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : new TreeMap<>(AGGREGATES).entrySet()) {
            rows.put(table.getKey(), QueryRows.texts(statement, generation.sql("SELECT CAST(ROW(" + table.getValue()
                    + ") AS TEXT) FROM {schema}." + table.getKey() + " WHERE " + nonZero(table.getKey())
                    + " ORDER BY 1")));
        }
        return rows;
    }

    /** A generation of its own for a test, dropped by the test (its consumers, none, with it). */
    static Generation scratch(GenerationRepository generations) {
        return QuarkusTransaction.requiringNew().call(() -> {
            generations.lock();
            return generations.create(generations.lastNumber() + 1, Generation.State.ABANDONED);
        });
    }

    /** The rows of a pre-aggregate that count: a counter back to zero stays where triggers kept it. */
    public static String nonZero(String table) {
        return switch (table) {
            case "monthly_fact" -> "(n <> 0 OR m <> 0)";
            case "member_month" -> "(starts <> 0 OR ends <> 0)";
            case "delay_day", "delay_month" -> "n <> 0";
            default -> "TRUE";
        };
    }

    /** Which pre-aggregates answer a request: those kept as of now, those exact as of a past asOf, none. */
    private enum Route { CURRENT, PAST, EXACT }

    /** A period asked as of an instant, and the route its answer must take. */
    private record Case(ReportingPeriod period, Instant asOf, Route route) {
    }

    private void compare(Generation generation, NationalNetworkRows network) throws Exception {
        String schema = generation.schema();
        String structure = network.scalar("SELECT CAST(structure_id AS TEXT) FROM " + schema
                + ".structure ORDER BY code LIMIT 1");
        String region = network.scalar("SELECT region FROM " + schema + ".structure ORDER BY code OFFSET 5 LIMIT 1");
        List<Scope> scopes = List.of(Scope.national(), Scope.region(region), Scope.structure(java.util.UUID.fromString(structure)));
        // the load's recording times lie in 2015-2018: now, and two instants in the middle of them
        Instant present = Instant.now();
        Instant midway = Instant.parse("2016-07-01T00:00:00Z");
        Instant later = Instant.parse("2017-03-15T12:00:00Z");
        ReportingPeriod year = ReportingPeriod.parse("2016");
        ReportingPeriod half = ReportingPeriod.parse("2016-H2");
        ReportingPeriod quarter = ReportingPeriod.parse("2015-Q2");
        ReportingPeriod month = ReportingPeriod.parse("2016-03");
        ReportingPeriod nextYear = ReportingPeriod.parse("2017");
        // what a request answers is decided by the period and asOf (the scope only filters): every period kind on
        // each path it can take, at every scope. The exact path answers every case too, as the reference. The
        // current path: as of now. The past one: asOf after a period of whole months. The exact one: asOf within
        // the period, at its first instant, before it.
        List<Case> cases = List.of(new Case(year, present, Route.CURRENT), new Case(half, present, Route.CURRENT),
                new Case(quarter, present, Route.CURRENT), new Case(month, present, Route.CURRENT),
                // the year the corrections' late exits fall in, as the dashboard asks it
                new Case(nextYear, present, Route.CURRENT),
                new Case(quarter, midway, Route.PAST), new Case(month, midway, Route.PAST),
                new Case(year, later, Route.PAST), new Case(half, later, Route.PAST),
                new Case(year, midway, Route.EXACT), new Case(half, midway, Route.EXACT),
                new Case(nextYear, midway, Route.EXACT));
        int pastCases = (int) cases.stream().filter(c -> c.route() == Route.PAST).count();
        ReferenceIndicatorFacts reference = new ReferenceIndicatorFacts(entityManager);
        List<Indicator> all = Arrays.asList(Indicator.values());
        List<Indicator> referenced = List.copyOf(ReferenceIndicatorFacts.REFERENCED);
        List<String> compared = new ArrayList<>();
        List<String> pastAggregated = new ArrayList<>();
        List<String> pastByDate = new ArrayList<>();
        record Answers(List<List<IndicatorValue>> paths, boolean[] aggregated, Route route) {
        }
        // each scope, period and asOf in a read-only transaction of its own, two at a time: the test waits on
        // PostgreSQL, which has two cores, and the answers are compared in the same order as they were asked
        Map<String, Future<Answers>> answers = new LinkedHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (Scope scope : scopes) {
                for (Case c : cases) {
                    ReportingPeriod period = c.period();
                    Instant asOf = c.asOf();
                    answers.put(scope + " " + period.label() + " as of " + asOf, workers.submit(
                            () -> QuarkusTransaction.requiringNew().call(() -> {
                                boolean[] aggregated = new boolean[3];
                                List<IndicatorValue> references = referenced.stream()
                                        .map(i -> reference.compute(generation, i, scope, period, asOf)).toList();
                                IndicatorFacts.SharedSets sets = facts.shareExactly(generation, all, scope, period,
                                        asOf);
                                List<IndicatorValue> exact = all.stream()
                                        .map(i -> facts.computeExactly(generation, i, scope, period, asOf, sets))
                                        .toList();
                                IndicatorFacts.Paths paths = facts.paths(generation, scope, period, asOf);
                                aggregated[0] = paths.current();
                                aggregated[1] = paths.pastReady();
                                // whether the scope, period and asOf take the past path is one decision (its
                                // late-people count), made once; each count by date then says whether that path
                                // answers it
                                aggregated[2] = aggregated[1] && BY_DATE.stream().allMatch(facts::pastAggregated);
                                return new Answers(List.of(references, exact,
                                        facts.computeAll(generation, all, scope, period, asOf)), aggregated,
                                        c.route());
                            })));
                }
            }
            for (Map.Entry<String, Future<Answers>> answer : answers.entrySet()) {
                String combination = answer.getKey();
                List<List<IndicatorValue>> all3 = answer.getValue().get().paths();
                boolean[] aggregated = answer.getValue().get().aggregated();
                Route route = answer.getValue().get().route();
                boolean now = route == Route.CURRENT;
                for (int i = 0; i < all.size(); i++) {
                    assertThat(all3.get(2).get(i)).as("%s %s", all.get(i).id(), combination)
                            .isEqualTo(all3.get(1).get(i));
                }
                for (int i = 0; i < referenced.size(); i++) {
                    assertThat(all3.get(1).get(all.indexOf(referenced.get(i)))).as("%s %s (reference)",
                            referenced.get(i).id(), combination).isEqualTo(all3.get(0).get(i));
                }
                // now, the pre-aggregates answer; in the past, the facts with their recording times
                assertThat(aggregated[0]).as("pre-aggregates %s", combination).isEqualTo(now);
                assertThat(aggregated[0] ? Route.CURRENT : aggregated[1] ? Route.PAST : Route.EXACT)
                        .as("route of %s", combination).isEqualTo(route);
                if (aggregated[1]) {
                    pastAggregated.add(combination);
                }
                if (aggregated[2]) {
                    pastByDate.add(combination);
                }
                compared.add(combination);
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(compared).hasSize(scopes.size() * cases.size());
        // a past asOf after the period (2015-Q2, 2016-03 as of 2016-07-01; 2016 and 2016-H2 as of 2017-03-15) was
        // answered by the people's pre-aggregates, the people with facts recorded later worked out again
        assertThat(pastAggregated).as("past asOf answered by the people's pre-aggregates")
                .hasSize(scopes.size() * pastCases);
        // and the counts by business date by monthly_fact less the rows recorded after asOf, in the same cases
        assertThat(pastByDate).as("past asOf answered by the counts by date of monthly_fact")
                .containsExactlyElementsOf(pastAggregated);
        // the network has facts in every period compared: the equality is not one of empty answers
        assertThat(QuarkusTransaction.requiringNew().call(() -> facts.compute(generation,
                Indicator.ACCOMPANIMENTS_OPENED, Scope.national(), ReportingPeriod.parse("2016"), Instant.now())
                .numerator())).isPositive();
    }
}
