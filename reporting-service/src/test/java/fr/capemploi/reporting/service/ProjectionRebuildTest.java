package fr.capemploi.reporting.service;

import static fr.capemploi.reporting.repository.IndicatorPathsEqualityTest.counted;
import static fr.capemploi.reporting.repository.QueryRows.texts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.reporting.repository.GenerationRepository;
import fr.capemploi.reporting.repository.IndicatorPathsEqualityTest;
import fr.capemploi.reporting.repository.ProjectionSql;
import fr.capemploi.reporting.rest.IndicatorReads;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A rebuild from offset 0 yields exactly the live projections, while the live ones keep answering: the same facts row
 * for row, the same indicators, and pre-aggregates that count what the live ones count. The rebuild applies its facts
 * with the pre-aggregates' upkeep deferred and fills them once caught up: they equal a recomputation from the facts,
 * whether events came during that filling, or the generation was handed to this instance by another one (or by this
 * one before a restart: its state is in the generations table and in its triggers, not in memory).
 */
@QuarkusTest
class ProjectionRebuildTest {

    @Inject
    ProjectionGenerations generations;

    @Inject
    EntityManager entityManager;

    @Test
    void rebuildEqualsLiveAndSwitchesWithoutInterruption() throws Exception {
        // every kind of fact, out of order and with duplicates, so that every table has rows to compare
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            StructureRegistered event = new StructureRegistered(id, "RB" + i, "Cap emploi",
                    (i % 2 == 0 ? TestRegion.PROJECTION_REBUILD : TestRegion.PROJECTION_REBUILD_SECOND).code,
                    i % 2 == 0 ? "75" : "69", LocalDate.of(2016, 1 + i % 12, 1));
            var envelope = TestEvents.publish(event, Instant.parse("2016-01-01T00:00:00Z"));
            if (i % 3 == 0) {
                TestEvents.publish(event, envelope); // duplicates must not count in either generation
            }
        }
        ReportingScenario.awaitApplied();
        Generation before = generations.active();
        long valueBefore = structuresRegistered();
        Map<String, Object> indicatorsBefore = indicators();

        // the switch, held in its transaction by the active generation's row locked here (after the replay channel
        // has let the rebuilt generation go): a status read meanwhile shows the rebuild beside the active generation,
        // both with their partitions, as before the switch; never a state between the two (the live channel already
        // on the new generation, or the replay channel's partitions gone while the rebuild is still reported). The
        // row is locked before the rebuild is asked for: starting a rebuild only adds a row, and a small rebuild can
        // catch up and switch within the seconds a loaded machine takes between the answer and a lock taken after it
        int rebuilding;
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("SELECT generation FROM projection_generation WHERE state = 'ACTIVE' FOR UPDATE");
            rebuilding = given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/projections/rebuild")
                    .then().statusCode(202).extract().path("generation");
            assertThat(rebuilding).isGreaterThan(before.number());
            await().atMost(Duration.ofSeconds(60)).until(this::switchWaiting);
            io.restassured.path.json.JsonPath during = given().auth().oauth2(TestTokens.admin())
                    .get("/api/v1/projections/status").then().statusCode(200).extract().jsonPath();
            assertThat(during.getInt("activeGeneration")).isEqualTo(before.number());
            assertThat(during.getInt("rebuildingGeneration")).isEqualTo(rebuilding);
            assertThat(during.getLong("rebuildLag")).isZero(); // the switch starts once the rebuild has caught up
            assertThat(during.getList("partitions.role", String.class)).contains("ACTIVE", "REBUILDING");
            assertThat(during.getList("partitions.findAll { it.role == 'ACTIVE' }.generation", Integer.class))
                    .containsOnly(before.number());
            assertThat(during.getList("partitions.findAll { it.role == 'REBUILDING' }.generation", Integer.class))
                    .containsOnly(rebuilding);
            holder.rollback();
        }
        // the live generation answers while the new one is built
        assertThat(structuresRegistered()).isEqualTo(valueBefore);

        await().atMost(Duration.ofSeconds(60)).until(() -> generations.active().number() == rebuilding);
        Generation after = generations.active();
        Map<String, List<String>> live = snapshot(before);
        assertThat(live.keySet()).contains("structure", "counsellor", "beneficiary", "referent_assignment",
                "level1_contact", "accompaniment", "accompaniment_level", "cep_information", "interview", "action",
                "declaration", "cpf_step", "training_project", "training_outcome", "funding_decision");
        assertThat(live.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        assertRebuiltEqualsLive(before, after);
        assertThat(structuresRegistered()).isEqualTo(valueBefore);
        assertThat(indicators()).isEqualTo(indicatorsBefore);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/projections/status").then().statusCode(200)
                .body("activeGeneration", org.hamcrest.Matchers.equalTo(rebuilding))
                .body("lastRebuild.switchedAt", org.hamcrest.Matchers.notNullValue());

        // the new generation keeps following the topics
        TestEvents.publish(new StructureRegistered(UUID.randomUUID(), "RBX", "Cap emploi",
                TestRegion.PROJECTION_REBUILD_SECOND.code, "35", LocalDate.of(2016, 3, 1)),
                Instant.parse("2016-03-01T00:00:00Z"));
        ReportingScenario.awaitApplied();
        assertThat(structuresRegistered()).isEqualTo(valueBefore + 1);

        // the retired generation stays for its grace period (1 h), then is dropped with its consumers' bookkeeping
        assertThat(retiredGenerations.dropExpired()).doesNotContain(before.number());
        assertThat(schemaExists(before.schema())).isTrue();
        ageRetirement(before.number(), Duration.ofHours(2));
        List<Integer> retiredConsumers = consumerNumbers(before.consumerSuffix());
        assertThat(retiredConsumers).isNotEmpty();
        List<Integer> liveConsumers = consumerNumbers(after.consumerSuffix());
        long liveLogged = loggedUnder(liveConsumers);
        assertThat(retiredConsumers).allSatisfy(n -> assertThat(tableExists("processed_event_" + n)).isTrue());
        assertThat(retiredGenerations.dropExpired()).contains(before.number());
        assertThat(schemaExists(before.schema())).isFalse();
        assertThat(loggedUnder(retiredConsumers)).isZero();
        assertThat(consumerNumbers(before.consumerSuffix())).isEmpty();
        assertThat(rowsOf("consumer_offset", before.consumerSuffix())).isZero();
        assertThat(schemaExists(after.schema())).isTrue();
        // the retired consumers' logs went with their partitions (V0_9), the live generation's are untouched
        assertThat(retiredConsumers).allSatisfy(n -> assertThat(tableExists("processed_event_" + n)).isFalse());
        assertThat(liveLogged).isPositive();
        assertThat(loggedUnder(liveConsumers)).isEqualTo(liveLogged);
        assertThat(liveConsumers).allSatisfy(n -> assertThat(tableExists("processed_event_" + n)).isTrue());
    }

    @Inject
    RetiredGenerations retiredGenerations;

    @Inject
    GenerationRepository repository;

    @Inject
    DataSource dataSource;

    /**
     * A generation created elsewhere (another instance, or this one before a restart) is fed here with its upkeep
     * deferred; while its pre-aggregates are being filled (held here on one of the tables the filling locks, which
     * the rebuild's batches never write), new events arrive: they are applied after the filling with the triggers on,
     * each counted once, and the pre-aggregates still equal a recomputation.
     */
    @Test
    void eventsArrivingWhileThePreAggregatesAreFilledCountOnce() throws Exception {
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        Generation before = generations.active();
        Generation building = QuarkusTransaction.requiringNew().call(() -> {
            return createdElsewhere();
        });
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // funding_project is written by the triggers only: off while the rebuild applies its facts
            statement.execute(building.sql("LOCK TABLE {schema}.funding_project IN ROW EXCLUSIVE MODE"));
            assertThat(text(statement, "SELECT upkeep FROM projection_generation WHERE generation = "
                    + building.number())).isEqualTo("DEFERRED");
            assertThat(text(statement, building.sql("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON "
                    + "c.oid = t.tgrelid WHERE c.relnamespace = '{schema}'::regnamespace AND t.tgenabled <> 'D' "
                    + "AND NOT t.tgisinternal"))).as("triggers on while the rebuild applies its facts").isEqualTo("0");
            // nor the indexes only answers read (B13's marked ones, and V20's: a portfolio span goes into two indexes,
            // an interview into one); built before the switch (assertRebuiltEqualsLive)
            assertThat(text(statement, building.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' "
                    + "AND indexname IN ('cpf_step_step', 'portfolio_span_recorded', 'portfolio_span_superseded', "
                    + "'interview_held', 'interview_counsellor', 'beneficiary_entry')"))).isEqualTo("0");
            assertThat(text(statement, building.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' "
                    + "AND indexname IN ('portfolio_span_current', 'accompaniment_beneficiary')")))
                    .as("what the projections' statements and the folds look rows up by").isEqualTo("2");
            await("the rebuild caught up and fills its pre-aggregates").atMost(Duration.ofSeconds(60))
                    .until(() -> waitingOn(building.sql("{schema}.funding_project")));
            new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
            connection.commit();
        }
        awaitSwitchedAndCaughtUp(building);
        assertRebuiltEqualsLive(before, building);
    }

    /**
     * A rebuild whose upkeep was restored before this instance fed the rest (an instance stopped after the
     * filling and before the switch; equally a generation created by a version that did not defer the upkeep) is fed
     * with the triggers on and switched to as it stands: the same figures, the pre-aggregates a recomputation's.
     */
    @Test
    void aRebuildWhoseUpkeepIsAlreadyKeptIsFedAndSwitchedAsItStands() throws Exception {
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        Generation before = generations.active();
        Generation building = QuarkusTransaction.requiringNew().call(() -> {
            Generation created = createdElsewhere();
            assertThat(repository.restoreUpkeep(created)).isTrue();
            assertThat(repository.restoreUpkeep(created)).as("once").isFalse();
            return created;
        });
        awaitSwitchedAndCaughtUp(building);
        assertRebuiltEqualsLive(before, building);
    }

    /**
     * The finalisation sorts, hashes and builds its indexes with the memory set for it, the builds serial
     * ({@code reporting.projection.upkeep.*}), in both of its transactions, the recomputations' on two connections, and
     * only there: the pool's connections answer with the server's settings afterwards. Each refresh of the rebuilding
     * generation is wrapped here by one that notes the settings it runs with, then calls it; the rebuild still equals
     * the live generation.
     */
    @Test
    void theFinalisationsMemoryIsItsTransactionsOwn() throws Exception {
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        ReportingScenario.awaitApplied();
        Generation before = generations.active();
        String serverWorkMem;
        String serverMaintenanceWorkMem;
        String serverIndexWorkers;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            serverWorkMem = text(statement, "SELECT reset_val FROM pg_settings WHERE name = 'work_mem'");
            serverMaintenanceWorkMem = text(statement, "SELECT reset_val FROM pg_settings WHERE name = "
                    + "'maintenance_work_mem'");
            serverIndexWorkers = text(statement, "SELECT reset_val FROM pg_settings WHERE name = "
                    + "'max_parallel_maintenance_workers'");
            statement.execute("DROP TABLE IF EXISTS public.upkeep_settings_seen");
            statement.execute("CREATE TABLE public.upkeep_settings_seen (refresh TEXT, work_mem TEXT, "
                    + "maintenance_work_mem TEXT, backend INT)");
        }
        Generation building = null;
        try {
            building = QuarkusTransaction.requiringNew().call(() -> {
                Generation created = createdElsewhere();
                for (String refresh : List.of("refresh_monthly_facts", "refresh_people_and_delays")) {
                    ProjectionSql.update(entityManager, created.sql("ALTER FUNCTION {schema}." + refresh
                            + "() RENAME TO " + refresh + "_noted"));
                    ProjectionSql.update(entityManager, created.sql("CREATE FUNCTION {schema}." + refresh
                            + "() RETURNS VOID LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.upkeep_settings_seen "
                            + "VALUES ('" + refresh + "', current_setting('work_mem'), "
                            + "current_setting('maintenance_work_mem') || '/' "
                            + "|| current_setting('max_parallel_maintenance_workers'), pg_backend_pid()); "
                            + "PERFORM {schema}." + refresh + "_noted(); END $$"));
                }
                return created;
            });
            awaitSwitchedAndCaughtUp(building);
            Map<String, List<String>> seen = new TreeMap<>();
            Set<Integer> backends = new HashSet<>();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                for (String row : texts(statement, "SELECT refresh || ' ' || work_mem || ' ' || maintenance_work_mem "
                        + "|| ' ' || backend FROM public.upkeep_settings_seen")) {
                    String[] parts = row.split(" ");
                    seen.put(parts[0], List.of(parts[1], parts[2]));
                    backends.add(Integer.parseInt(parts[3]));
                }
            }
            assertThat(seen).as("each refresh of the finalisation, once").isEqualTo(Map.of(
                    "refresh_monthly_facts", List.of("256MB", "256MB/0"),
                    "refresh_people_and_delays", List.of("256MB", "256MB/0")));
            assertThat(backends).as("two connections").hasSize(2);
            // the pool's connections, those of the finalisation among them when the pool hands them out again
            List<Connection> borrowed = new ArrayList<>();
            try {
                Set<Integer> found = new HashSet<>();
                while (borrowed.size() < 10 && !found.containsAll(backends)) {
                    Connection connection = dataSource.getConnection();
                    borrowed.add(connection);
                    try (Statement statement = connection.createStatement()) {
                        found.add(Integer.parseInt(text(statement, "SELECT pg_backend_pid()")));
                        assertThat(List.of(text(statement, "SELECT setting FROM pg_settings WHERE name = 'work_mem'"),
                                text(statement, "SELECT setting FROM pg_settings WHERE name = 'maintenance_work_mem'"),
                                text(statement, "SELECT setting FROM pg_settings WHERE name = "
                                        + "'max_parallel_maintenance_workers'")))
                                .as("the server's settings after the finalisation")
                                .isEqualTo(List.of(serverWorkMem, serverMaintenanceWorkMem, serverIndexWorkers));
                    }
                }
            } finally {
                for (Connection connection : borrowed) {
                    connection.close();
                }
            }
            assertRebuiltEqualsLive(before, building);
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                // the generation, now the answering one, gets its own refreshes back at once
                for (String refresh : building == null ? List.<String>of()
                        : List.of("refresh_monthly_facts", "refresh_people_and_delays")) {
                    statement.execute(building.sql("DROP FUNCTION IF EXISTS {schema}." + refresh + "(); "
                            + "ALTER FUNCTION {schema}." + refresh + "_noted() RENAME TO " + refresh));
                }
                statement.execute("DROP TABLE IF EXISTS public.upkeep_settings_seen");
                connection.commit();
            }
        }
    }

    /**
     * The replay channel is pipelined: a batch is sent and committed by its own thread while the worker applies the
     * next one (tests' rebuilds go in batches of 20 records, so there is always a next one). A batch whose transaction
     * fails there — once, at the database, by a trigger this test adds to the rebuilding generation — is applied again
     * after the one prepared meanwhile waited for it: no event is lost, none applied or logged twice, the rebuild
     * equals the live generation row for row.
     */
    @Test
    void aBatchFailingWhileTheNextIsPreparedIsAppliedAgainNothingLostNothingTwice() throws Exception {
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        ReportingScenario.awaitApplied();
        Generation before = generations.active();
        double retriedBefore = replayBatchesRetried();
        Generation building = QuarkusTransaction.requiringNew().call(() -> {
            Generation created = createdElsewhere();
            // a sequence is not rolled back with the failed transaction: the trigger fails the first one only
            entityManager.createNativeQuery(created.sql("""
                    CREATE SEQUENCE {schema}.injected_failures;
                    CREATE FUNCTION {schema}.fail_once() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                        IF nextval('{schema}.injected_failures') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF;
                        RETURN NULL;
                    END $$;
                    CREATE TRIGGER injected_failure AFTER INSERT ON {schema}.interview
                        FOR EACH STATEMENT EXECUTE FUNCTION {schema}.fail_once()""")).executeUpdate();
            return created;
        });
        awaitSwitchedAndCaughtUp(building);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(building.sql("DROP TRIGGER injected_failure ON {schema}.interview"));
            assertThat(Long.parseLong(text(statement, building.sql("SELECT last_value FROM {schema}.injected_failures"))))
                    .as("the failure happened, and the batch passed after it").isGreaterThan(1);
            for (String projection : List.of("structures", "beneficiary-facts", "cep-facts", "cpf-facts")) {
                String events = "SELECT count(*) || ' ' || count(DISTINCT event_id) FROM processed_event p"
                        + " JOIN event_consumer c ON c.id = p.consumer_id WHERE c.name = 'reporting-service." + projection
                        + "%s'";
                assertThat(text(statement, events.formatted(building.consumerSuffix()))).as(projection)
                        .isEqualTo(text(statement, events.formatted(before.consumerSuffix())));
                String deadLetters = "SELECT count(*) FROM dead_lettered_event WHERE consumer = 'reporting-service."
                        + projection + "%s'";
                assertThat(text(statement, deadLetters.formatted(building.consumerSuffix()))).as(projection)
                        .isEqualTo(text(statement, deadLetters.formatted(before.consumerSuffix())));
            }
        }
        assertThat(replayBatchesRetried()).as("the failed batch was applied again").isGreaterThan(retriedBefore);
        assertRebuiltEqualsLive(before, building);
    }

    /**
     * The schema of the generation the next rebuild creates is prepared ahead (at start-up, after each switch):
     * migrated, not recorded. Nothing counts it as a generation — not the generations table, not the status, not the
     * clean-up of retired generations — and the next rebuild takes it as it stands, its history not migrated again;
     * once switched, the one after it is prepared in its turn.
     */
    @Test
    void theNextGenerationsSchemaIsPreparedAheadAndTakenAsItStandsByTheNextRebuild() throws Exception {
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        ReportingScenario.awaitApplied();
        Generation before = generations.active();
        int next = QuarkusTransaction.requiringNew().call(() -> {
            repository.lock();
            return repository.lastNumber() + 1;
        });
        Generation prepared = Generation.numbered(next, Generation.State.BUILDING);
        String versions = history(before, false);
        await("prepared").atMost(Duration.ofSeconds(60)).until(() -> versions.equals(history(prepared, false)));
        String installed = history(prepared, true);

        assertThat(QuarkusTransaction.requiringNew().call(repository::live)).extracting(Generation::number)
                .doesNotContain(next);
        assertThat(rowsOf("projection_generation", next)).isZero();
        io.restassured.path.json.JsonPath status = given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/projections/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getInt("activeGeneration")).isEqualTo(before.number());
        assertThat(status.getList("partitions.generation", Integer.class)).doesNotContain(next);
        retiredGenerations.dropExpired();
        assertThat(schemaExists(prepared.schema())).isTrue();

        int rebuilding = given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/projections/rebuild")
                .then().statusCode(202).extract().path("generation");
        assertThat(rebuilding).isEqualTo(next);
        awaitSwitchedAndCaughtUp(prepared);
        assertThat(history(prepared, true)).as("taken as it stands, not migrated again").isEqualTo(installed);
        assertRebuiltEqualsLive(before, generations.active());
        Generation after = Generation.numbered(next + 1, Generation.State.BUILDING);
        await("the next one prepared").atMost(Duration.ofSeconds(60))
                .until(() -> versions.equals(history(after, false)));
    }

    /**
     * The finalisation runs on two connections (the people's and delays' recomputation in a transaction of its own):
     * a failure on either rolls the state back, and the generation, still {@code DEFERRED} with its triggers off, is
     * filled again at the watcher's next look (a try finding it restored does nothing, calls no refresh), whether the
     * recomputation apart had committed or not. Here {@code monthly_fact}'s refresh fails at the first try (the
     * recomputation apart commits before it rolls back), the recomputation at the second, the third passes: the
     * generation switched to is the one a single filling gives.
     */
    @Test
    void aFinalisationFailingOnEitherConnectionLeavesTheGenerationDeferredAndIsTriedAgain() throws Exception {
        new ReportingScenario(TestRegion.PROJECTION_REBUILD.code).publish();
        ReportingScenario.awaitApplied();
        Generation before = generations.active();
        Generation building = QuarkusTransaction.requiringNew().call(() -> {
            Generation created = createdElsewhere();
            entityManager.createNativeQuery(created.sql("""
                    CREATE SEQUENCE {schema}.monthly_tries;
                    CREATE SEQUENCE {schema}.people_tries;
                    ALTER FUNCTION {schema}.refresh_monthly_facts() RENAME TO refresh_monthly_facts_as_made;
                    CREATE FUNCTION {schema}.refresh_monthly_facts() RETURNS VOID LANGUAGE plpgsql AS $$ BEGIN
                        IF nextval('{schema}.monthly_tries') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF;
                        PERFORM {schema}.refresh_monthly_facts_as_made();
                    END $$;
                    ALTER FUNCTION {schema}.refresh_people_and_delays() RENAME TO refresh_people_and_delays_as_made;
                    CREATE FUNCTION {schema}.refresh_people_and_delays() RETURNS VOID LANGUAGE plpgsql AS $$ BEGIN
                        IF nextval('{schema}.people_tries') = 2 THEN RAISE EXCEPTION 'injected failure'; END IF;
                        PERFORM {schema}.refresh_people_and_delays_as_made();
                    END $$""")).executeUpdate();
            return created;
        });
        try {
            awaitSwitchedAndCaughtUp(building);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String tries : List.of("monthly_tries", "people_tries")) {
                    assertThat(Long.parseLong(text(statement, building.sql("SELECT last_value FROM {schema}." + tries))))
                            .as(tries + ": failed, tried again, passed").isGreaterThanOrEqualTo(3);
                }
            }
            assertRebuiltEqualsLive(before, building);
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(building.sql("""
                        DROP FUNCTION {schema}.refresh_monthly_facts();
                        ALTER FUNCTION {schema}.refresh_monthly_facts_as_made() RENAME TO refresh_monthly_facts;
                        DROP FUNCTION {schema}.refresh_people_and_delays();
                        ALTER FUNCTION {schema}.refresh_people_and_delays_as_made() RENAME TO refresh_people_and_delays"""));
            }
        }
    }

    /**
     * The versions in a generation's history, in order (with the instant each was installed at), or null while it
     * has none.
     */
    @Transactional
    String history(Generation generation, boolean installedAt) {
        String table = generation.schema() + "_history.projection_schema_history";
        if (entityManager.createNativeQuery("SELECT CAST(to_regclass(?1) AS TEXT)").setParameter(1, table)
                .getSingleResult() == null) {
            return null;
        }
        return (String) entityManager.createNativeQuery("SELECT string_agg(version" + (installedAt
                ? " || ' ' || installed_on" : "") + ", ', ' ORDER BY installed_rank) FROM " + table
                + " WHERE success AND version IS NOT NULL").getSingleResult();
    }

    @Transactional
    long rowsOf(String table, int generation) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table + " WHERE generation = ?1")
                .setParameter(1, generation).getSingleResult()).longValue();
    }

    /** A generation to build, created as another instance creates one: under the lock, numbered after the last. */
    private Generation createdElsewhere() {
        repository.lock();
        return repository.create(repository.lastNumber() + 1, Generation.State.BUILDING);
    }

    /** The rebuild switched to, and the generation now active has applied every event published. */
    private void awaitSwitchedAndCaughtUp(Generation building) {
        await().atMost(Duration.ofSeconds(60)).until(() -> generations.active().number() == building.number());
        ReportingScenario.awaitApplied();
    }

    @Inject
    MeterRegistry registry;

    private double replayBatchesRetried() {
        Counter counter = registry.find("projection.channel.batches.retried").tag("channel", "projections-replay")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * The facts row for row; the pre-aggregates counting the same (a counter the live triggers took back to zero
     * stays there, a recomputation writes none; a row's latest recording among what it ever counted, likewise),
     * equal to their recomputation from the facts; the upkeep on and the query indexes built.
     */
    private void assertRebuiltEqualsLive(Generation live, Generation rebuilt) throws Exception {
        Map<String, List<String>> liveRows = snapshot(live);
        Map<String, List<String>> rebuiltRows = snapshot(rebuilt);
        IndicatorPathsEqualityTest.AGGREGATES.keySet().forEach(table -> {
            liveRows.remove(table);
            rebuiltRows.remove(table);
        });
        assertThat(rebuiltRows).isEqualTo(liveRows);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThat(counted(statement, rebuilt)).isEqualTo(counted(statement, live));
            assertThat(aggregates(statement, rebuilt).values()).as("pre-aggregates filled")
                    .anySatisfy(rows -> assertThat(rows).isNotEmpty());
            // what they count, not every row: a generation fed with its triggers on (the upkeep restored before the
            // rest was fed) keeps the counters its triggers took back to zero, which a recomputation does not write
            Map<String, List<String>> kept = counted(statement, rebuilt);
            statement.execute(rebuilt.sql("SELECT {schema}.refresh_monthly_facts()"));
            statement.execute(rebuilt.sql("SELECT {schema}.refresh_people_and_delays()"));
            assertThat(kept).as("the rebuilt pre-aggregates against their recomputation")
                    .isEqualTo(counted(statement, rebuilt));
            connection.rollback();
            assertThat(text(statement, "SELECT upkeep || ' ' || (upkeep_restored_at IS NOT NULL) FROM "
                    + "projection_generation WHERE generation = " + rebuilt.number())).isEqualTo("KEPT true");
            assertThat(text(statement, rebuilt.sql("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON "
                    + "c.oid = t.tgrelid WHERE c.relnamespace = '{schema}'::regnamespace AND t.tgenabled = 'D'")))
                    .as("triggers off").isEqualTo("0");
            String indexes = "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '%s'";
            assertThat(text(statement, indexes.formatted(rebuilt.schema())))
                    .isEqualTo(text(statement, indexes.formatted(live.schema())));
            connection.rollback();
        }
    }

    /** Every row of each pre-aggregate, whole. */
    private static Map<String, List<String>> aggregates(Statement statement, Generation generation) throws Exception {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : new TreeMap<>(IndicatorPathsEqualityTest.AGGREGATES).keySet()) {
            rows.put(table, texts(statement, generation.sql("SELECT CAST(t AS TEXT) FROM {schema}." + table
                    + " t ORDER BY 1")));
        }
        return rows;
    }

    private static String text(Statement statement, String sql) throws Exception {
        List<String> rows = texts(statement, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Whether a transaction waits for a lock on the table. */
    private boolean waitingOn(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return !"0".equals(text(statement, "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = "
                    + "to_regclass('" + table + "')"));
        }
    }

    /** Whether the switch's transaction waits for the active generation's row (locked by the caller). */
    private boolean switchWaiting() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return !"0".equals(text(statement, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                    + "'Lock' AND query LIKE 'UPDATE projection_generation SET state = ''RETIRED''%'"));
        }
    }

    /** Every indicator of the live generation, national, for the scenarios' years. */
    private static Map<String, Object> indicators() {
        Map<String, Object> answers = new TreeMap<>();
        for (String period : List.of("2015", "2016", "2016-H1", "2016-Q4", "2017")) {
            answers.put(period, JsonAnswer.of(given().auth().oauth2(TestTokens.analyst()).queryParam("period", period)
                    .get("/api/v1/indicators").then().statusCode(200).extract().response()).path("indicators"));
        }
        return answers;
    }

    @Transactional
    void ageRetirement(int generation, Duration by) {
        entityManager.createNativeQuery("UPDATE projection_generation SET retired_at = retired_at - make_interval(secs => "
                + by.toSeconds() + ") WHERE generation = ?1").setParameter(1, generation).executeUpdate();
    }

    @Transactional
    boolean schemaExists(String schema) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?1").setParameter(1, schema)
                .getSingleResult()).intValue() == 1;
    }

    /** Whether the table exists (V0_9: a consumer's log is a partition of its own, named by its number). */
    @Transactional
    boolean tableExists(String table) {
        return entityManager.createNativeQuery("SELECT CAST(to_regclass(?1) AS TEXT)").setParameter(1, table)
                .getSingleResult() != null;
    }

    /** The processed-event log's numbers of the consumers whose names end so (V0_7). */
    @Transactional
    List<Integer> consumerNumbers(String consumerSuffix) {
        return entityManager.createNativeQuery("SELECT id FROM event_consumer WHERE name LIKE ?1", Integer.class)
                .setParameter(1, "%" + consumerSuffix).getResultList();
    }

    @Transactional
    long loggedUnder(List<Integer> consumers) {
        String numbers = String.join(", ", consumers.stream().map(String::valueOf).toList());
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_id IN (" + numbers + ")").getSingleResult())
                .longValue();
    }

    @Transactional
    long rowsOf(String table, String consumerSuffix) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table + " WHERE consumer LIKE ?1")
                .setParameter(1, "%" + consumerSuffix).getSingleResult()).longValue();
    }

    @Test
    void onlyAdminsRebuild() {
        given().auth().oauth2(TestTokens.analyst()).post("/api/v1/admin/projections/rebuild").then().statusCode(403);
        given().post("/api/v1/admin/projections/rebuild").then().statusCode(401);
    }

    /** Every row of every table of a generation, as text, table by table. */
    @Transactional
    /** Every table of the generation but the pre-aggregates' *_change tables, whose rows live within a transaction. */
    Map<String, List<String>> snapshot(Generation generation) {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = ?1 AND table_name NOT LIKE '%\\_change' ORDER BY table_name")
                .setParameter(1, generation.schema()).getResultList();
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String table : tables) {
            @SuppressWarnings("unchecked")
            List<String> rows = entityManager.createNativeQuery("SELECT CAST(t AS TEXT) AS row FROM "
                    + generation.schema() + "." + table + " t ORDER BY 1").getResultList();
            snapshot.put(table, rows);
        }
        return snapshot;
    }

    private static long structuresRegistered() {
        return IndicatorReads.value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016")
                .get("/api/v1/indicators"), "structures-registered");
    }
}
