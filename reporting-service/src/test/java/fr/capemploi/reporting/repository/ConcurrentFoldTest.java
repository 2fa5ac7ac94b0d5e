package fr.capemploi.reporting.repository;

import static fr.capemploi.reporting.repository.IndicatorPathsEqualityTest.counted;
import static fr.capemploi.reporting.repository.PeopleAndDelaysFoldTest.CHANGES;
import static fr.capemploi.reporting.repository.PeopleAndDelaysFoldTest.applyAsOneBatch;
import static fr.capemploi.reporting.repository.PeopleAndDelaysFoldTest.foldInTheTransaction;
import static fr.capemploi.reporting.repository.PeopleAndDelaysFoldTest.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.reporting.service.IndicatorQueries;
import fr.capemploi.reporting.service.ProjectionGenerations;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The pre-aggregates' fold in a transaction of its own ({@code reporting.projection.fold = concurrent}, the default):
 * batches commit their notes with their facts, a fold on another connection moves the notes committed so far while
 * later batches are open, and the rows are those of batches folding in their own transaction; the live channel fed
 * by the broker, folding so, leaves what a recomputation counts; and no answer reads pre-aggregates missing a fact
 * already applied.
 */
@QuarkusTest
class ConcurrentFoldTest {

    private static final ReportingPeriod YEAR = ReportingPeriod.parse("2016");

    @Inject
    GenerationRepository generations;

    @Inject
    PreAggregateNotes notes;

    @Inject
    ProjectionGenerations projections;

    @Inject
    IndicatorFacts facts;

    @Inject
    IndicatorQueries queries;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void interleavedBatchesFoldedApartLeaveTheRowsOfBatchesFoldedInTheirTransaction() throws SQLException {
        Generation inTransaction = scratch();
        Generation apart = scratch();
        List<List<String>> batches = batches(CHANGES, 3);
        try (Connection batch = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            other.setAutoCommit(false);
            for (List<String> changes : batches) {
                applyAsOneBatch(batch, inTransaction,
                        changes == batches.get(2) ? concat(changes, OTHER_PEOPLE) : changes);
                foldInTheTransaction(batch, inTransaction);
                batch.commit();
            }
            // apart: batch k is sent and left open while the notes committed before it are folded on another
            // connection (the fold neither waits for it nor takes its notes), then commits; every other fold skipped,
            // so that one fold takes several batches' notes, some of the same people
            for (int k = 0; k < batches.size(); k++) {
                applyAsOneBatch(batch, apart, batches.get(k));
                if (k % 2 == 1) {
                    assertThat(committedNotes(apart)).as("the batches committed before, not yet folded").isPositive();
                    QuarkusTransaction.requiringNew().run(() -> notes.fold(apart));
                    assertThat(committedNotes(apart)).as("folded; the open batch's notes wait for it").isZero();
                }
                // a batch of other people on another connection, committed while this one is open
                if (k == 2) {
                    applyAsOneBatch(other, apart, OTHER_PEOPLE);
                    other.commit();
                }
                batch.commit();
            }
            assertThat(committedNotes(apart)).as("the last batch's notes, not yet folded").isPositive();
            QuarkusTransaction.requiringNew().run(() -> notes.fold(apart));
            assertThat(committedNotes(apart)).isZero();

            batch.setAutoCommit(true);
            Map<String, List<List<String>>> kept = aggregates(batch, inTransaction);
            assertThat(kept.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
            assertThat(aggregates(batch, apart)).as("every pre-aggregate, row for row").isEqualTo(kept);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> List.of(inTransaction, apart)
                    .forEach(g -> generations.drop(g, List.of())));
        }
    }

    @Test
    void theLiveChannelFoldingApartLeavesWhatARecomputationCountsAndAnswersNeverMissAnAppliedFact()
            throws Exception {
        new ReportingScenario(TestRegion.CONCURRENT_FOLD.code).publish();
        Generation active = projections.active();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            Map<String, List<String>> kept = counted(statement, active);
            statement.execute(active.sql("SELECT {schema}.refresh_monthly_facts()"));
            statement.execute(active.sql("SELECT {schema}.refresh_people_and_delays()"));
            Map<String, List<String>> recomputed = counted(statement, active);
            connection.rollback();
            assertThat(kept).as("the live generation's pre-aggregates, folded apart from its batches")
                    .isEqualTo(recomputed);
        }

        // the folds held back (a fold under way holds the generation's fold lock): the facts are applied, their
        // notes wait
        ReportingScenario late = new ReportingScenario(TestRegion.CONCURRENT_FOLD.code);
        Scope scope = Scope.structure(late.structureA);
        try (Connection fold = dataSource.getConnection(); Statement statement = fold.createStatement()) {
            fold.setAutoCommit(false);
            statement.execute(active.sql("SELECT {schema}.lock_pre_aggregates()"));
            late.publishWithoutWaiting();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> status("totalLag") == 0 && status("unfoldedNotes") > 0);

            // an answer whose state holds notes not folded reads the facts, every figure
            Instant asOf = Instant.now();
            List<IndicatorValue> unfolded = QuarkusTransaction.requiringNew().call(() -> {
                facts.beginRead();
                assertThat(facts.paths(active, Scope.national(), YEAR, asOf).current()).as("pre-aggregates not read").isFalse();
                return facts.computeAll(active, Arrays.asList(Indicator.values()), scope, YEAR, asOf);
            });
            assertThat(opened(unfolded)).as("the applied facts counted").isPositive();

            // an answer through the service folds what was committed before it begins: it waits for the fold, beside
            // the instance's folder, asked by the batches
            CompletableFuture<List<IndicatorValue>> answer = CompletableFuture.supplyAsync(
                    () -> queries.all(scope, YEAR, asOf));
            await().atMost(Duration.ofSeconds(60)).until(() -> bothWaitForTheFoldLock(active));
            fold.rollback();
            List<IndicatorValue> settled = answer.get(120, TimeUnit.SECONDS);

            assertThat(status("unfoldedNotes")).as("folded by the answer, or the instance's folder").isZero();
            assertThat(QuarkusTransaction.requiringNew().call(() -> {
                facts.beginRead();
                return facts.paths(active, Scope.national(), YEAR, asOf).current();
            })).as("pre-aggregates read once folded").isTrue();
            assertThat(settled).as("the same figures from the pre-aggregates").isEqualTo(unfolded);
        }
    }

    @Test
    void notesNobodyAskedToFoldAreFoldedAndAFailedFoldKeepsThemUntilItSucceeds() throws Exception {
        Generation active = projections.active();
        String person = java.util.UUID.randomUUID().toString();
        String contact = java.util.UUID.randomUUID().toString();
        Counter failures = registry.find("reporting.pre_aggregates.fold.failures").counter();
        double failedBefore = failures.count();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // a batch committed by an instance that stopped before asking for its fold (nobody asks for it here), its
            // notes after a note no fold can move (a count without its structure: monthly_fact refuses it)
            connection.setAutoCommit(false);
            applyAsOneBatch(connection, active, List.of("INSERT INTO {schema}.monthly_fact_change (structure_id, month, fact, "
                    + "key, n, m, recorded) VALUES (NULL, '2016-01-01', 'opened', 'level-2', 1, 0, now())",
                    "INSERT INTO {schema}.level1_contact (contact_id, structure_id, beneficiary_id, contact_date, "
                            + "liaison_sheet, recorded_at) VALUES ('" + contact + "', gen_random_uuid(), '" + person
                            + "', '2016-02-11', FALSE, '2016-02-11T10:00:00Z')"));
            connection.commit();
            try {
                // the instance's look at the live generations finds them; its fold fails, rolled back whole
                await().atMost(Duration.ofSeconds(60)).until(() -> failures.count() > failedBefore);
                assertThat(status("unfoldedNotes")).as("the notes kept").isPositive();
                assertThat(rows(connection, active.sql("SELECT 1 FROM {schema}.member_item WHERE person = '" + person
                        + "'"))).as("nothing of the failed fold").isEmpty();

                // the note no fold can move taken away: the fold tried again moves the others
                statement.execute(active.sql("DELETE FROM {schema}.monthly_fact_change WHERE structure_id IS NULL"));
                connection.commit();
                await().atMost(Duration.ofSeconds(120)).until(() -> status("unfoldedNotes") == 0);
                assertThat(rows(connection, active.sql("SELECT 1 FROM {schema}.member_item WHERE person = '" + person
                        + "'"))).as("the contact's person, folded").isNotEmpty();
            } finally {
                // rows no event stands for: a rebuild of the active generation (ProjectionRebuildTest) must equal it
                connection.setAutoCommit(true);
                statement.execute(active.sql("DELETE FROM {schema}.monthly_fact_change WHERE structure_id IS NULL"));
                statement.execute(active.sql("DELETE FROM {schema}.level1_contact WHERE contact_id = '" + contact
                        + "'"));
            }
        }
    }

    /** A level-1 contact and a funding decision of people the other changes never touch. */
    private static final List<String> OTHER_PEOPLE = List.of(
            "INSERT INTO {schema}.level1_contact (contact_id, structure_id, beneficiary_id, contact_date, liaison_sheet, "
                    + "recorded_at) VALUES ('00000000-0000-0000-0000-0000000009f1', "
                    + "'00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000009a1', '2016-02-11', "
                    + "FALSE, '2016-02-11T10:00:00Z')",
            "INSERT INTO {schema}.funding_decision (event_id, request_id, project_id, beneficiary_id, structure_id, "
                    + "funder, decision, requested_on, decided_on, delay_days, new_fe, recorded_at) VALUES "
                    + "('00000000-0000-0000-0000-000000000931', '00000000-0000-0000-0000-000000000932', "
                    + "'00000000-0000-0000-0000-000000000933', '00000000-0000-0000-0000-0000000009a1', "
                    + "'00000000-0000-0000-0000-0000000000e1', 'REGION', 'GRANTED', '2016-03-01', '2016-03-21', 20, "
                    + "TRUE, '2016-03-22T10:00:00Z')");

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Generation scratch() {
        return IndicatorPathsEqualityTest.scratch(generations);
    }

    private long committedNotes(Generation generation) {
        return QuarkusTransaction.requiringNew().call(() -> notes.count(generation));
    }

    private static List<List<String>> batches(List<String> changes, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < changes.size(); i += size) {
            batches.add(changes.subList(i, Math.min(changes.size(), i + size)));
        }
        return batches;
    }

    /** Every row of each pre-aggregate, whole. */
    private static Map<String, List<List<String>>> aggregates(Connection connection, Generation generation)
            throws SQLException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String table : new TreeMap<>(IndicatorPathsEqualityTest.AGGREGATES).keySet()) {
            // the changes give their projects random ids: a project is its structure, first day and kind
            String row = table.equals("funding_project") ? "ROW(structure_id, first_on, new_fe, recorded_max)" : "t";
            tables.put(table, rows(connection, generation.sql("SELECT CAST(" + row + " AS TEXT) FROM {schema}."
                    + table + " t ORDER BY 1")));
        }
        return tables;
    }

    private static long status(String field) {
        JsonNode value = JsonAnswer.of(given().auth().oauth2(TestTokens.admin()).get("/api/v1/projections/status")
                .then().statusCode(200).extract().response()).path(field);
        return value.isIntegralNumber() ? value.asLong() : -1;
    }

    private static long opened(List<IndicatorValue> values) {
        return values.stream().filter(v -> v.indicator() == Indicator.ACCOMPANIMENTS_OPENED).findFirst().orElseThrow()
                .numerator().longValueExact();
    }

    /** Whether the instance's folder and the answer both wait for the fold lock the test holds. */
    private boolean bothWaitForTheFoldLock(Generation generation) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return rows(connection, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND wait_event = 'advisory' AND query LIKE '%" + generation.schema() + ".fold_pre_aggregates%'")
                    .size() >= 2;
        }
    }
}
