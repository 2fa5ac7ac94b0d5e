package fr.capemploi.reporting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.messaging.LiveEvents;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.reporting.repository.GenerationRepository;
import fr.capemploi.reporting.rest.IndicatorReads;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service starts on a database whose generations were built before the projection schema's baseline: the active
 * one from before Flyway, a rebuild in progress whose history stops at V5. Neither can be migrated any more. The
 * active one is kept, unmigrated, until a rebuild from offset 0 into a new generation catches up and is switched to;
 * the rebuild in progress is abandoned (its tables dropped with the next rebuild's clean-up).
 *
 * <p>In the module's application, with its database and broker (a test profile of its own cost a second boot, a
 * second PostgreSQL and broker: ~18 CPU-s of the fork and a minute or more of wall): the service is stopped as a
 * process that ends (its generations no longer followed, its live channel idle), the database is put as the new
 * version finds it, and the start logic runs as the start-up event runs it. The generation that answered until then
 * stands retired beside them, as a rebuild leaves one; its numbers, and those of the two stale ones, follow the
 * generations the classes run before made.
 */
@QuarkusTest
class StaleGenerationsAtStartTest {

    private static final String REGION = TestRegion.STALE_GENERATIONS.code;

    @Inject
    ProjectionGenerations generations;

    @Inject
    GenerationRepository repository;

    @Inject
    LiveEvents liveEvents;

    @Inject
    EntityManager entityManager;

    @Test
    void aRebuildFromOffsetZeroReplacesThemAndTheOldActiveOneIsNeverMigrated() {
        // what the classes before published is applied and folded: the generation that answered stops whole
        ReportingScenario.awaitApplied();
        stopAsAProcessThatEnds();
        int stale = QuarkusTransaction.requiringNew().call(() -> {
            repository.lock();
            return repository.lastNumber() + 1;
        });
        int building = stale + 1;
        QuarkusTransaction.requiringNew().run(() -> {
            // under the lock: this version prepares the next generation's schema on a thread of its own
            repository.lock();
            for (String statement : generationsFromBeforeTheBaseline(stale, building)) {
                entityManager.createNativeQuery(statement).executeUpdate();
            }
        });

        generations.start(null);

        TestEvents.publish(new StructureRegistered(UUID.randomUUID(), "SG1", "Cap emploi", REGION, "75",
                LocalDate.of(2017, 2, 1)), Instant.parse("2017-02-01T00:00:00Z"));
        int rebuilt = building + 1;
        await("switched to the rebuilt generation").atMost(Duration.ofSeconds(180))
                .until(() -> generations.active().number() == rebuilt);
        // which holds what the topics hold: the lag, then one read (a poll of the indicators computes all of them
        // at each look)
        ReportingScenario.awaitApplied();
        assertThat(structuresRegistered()).isEqualTo(1);

        assertThat(rows("SELECT generation || ' ' || state FROM projection_generation WHERE generation >= " + stale
                + " ORDER BY generation"))
                .containsExactly(stale + " RETIRED", building + " ABANDONED", rebuilt + " ACTIVE");
        assertThat(rows("SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('reporting_g"
                + stale + "', 'reporting_g" + building + "', 'reporting_g" + building + "_history', 'reporting_g"
                + rebuilt + "', 'reporting_g" + rebuilt + "_history') ORDER BY 1"))
                .as("the old active one kept as it was (no history made for it), the abandoned one dropped, the new "
                        + "one from the baseline")
                // in any order: names sort as text (reporting_g10 before reporting_g8 once the numbers cross a digit)
                .containsExactlyInAnyOrder("reporting_g" + stale, "reporting_g" + rebuilt,
                        "reporting_g" + rebuilt + "_history");
        assertThat(rows("SELECT version || ' ' || type FROM reporting_g" + rebuilt + "_history.projection_schema_history "
                + "WHERE version IS NOT NULL ORDER BY installed_rank")).first().isEqualTo("13 SQL_BASELINE");
    }

    /**
     * As the process of before ends: the start-up logic must find no instance of itself still at work. Its look at
     * the generations table stops ({@code follow} is synchronized: once the monitor is taken, a look under way has
     * ended and the next ones see it stopped), and its live channel feeds nothing (after its batch under way).
     */
    private void stopAsAProcessThatEnds() {
        generations.stop(null);
        synchronized (ClientProxy.unwrap(generations)) {
            liveEvents.channel().serve(List.of());
        }
    }

    /**
     * The database of a service whose generations were built before the projection schema's baseline, as the new
     * version finds it. The generation that answered until now retired first (one generation only is active).
     */
    private static List<String> generationsFromBeforeTheBaseline(int stale, int building) {
        String g = "reporting_g" + stale;
        String b = "reporting_g" + building;
        return List.of(
                // the next generation's schema, which this version prepares ahead (GenerationRepository.prepare), a
                // version from before the baseline did not
                "DROP SCHEMA IF EXISTS " + g + ", " + g + "_history, " + b + ", " + b + "_history CASCADE",
                "UPDATE projection_generation SET state = 'RETIRED', retired_at = now() WHERE state = 'ACTIVE'",
                // the active generation, from before Flyway: its tables, no history (one of them is enough to tell it
                // apart from a new generation; readiness reads this one)
                "CREATE SCHEMA " + g,
                "CREATE TABLE " + g + ".structure (structure_id UUID PRIMARY KEY)",
                "INSERT INTO projection_generation (generation, schema_name, state, activated_at) VALUES (" + stale
                        + ", '" + g + "', 'ACTIVE', now())",
                // a rebuild in progress, its history stopped at V5
                "CREATE SCHEMA " + b,
                "CREATE TABLE " + b + ".structure (structure_id UUID PRIMARY KEY)",
                "CREATE SCHEMA " + b + "_history",
                "CREATE TABLE " + b + "_history.projection_schema_history (installed_rank INTEGER, version TEXT, "
                        + "success BOOLEAN)",
                "INSERT INTO " + b + "_history.projection_schema_history SELECT v, CAST(v AS TEXT), TRUE "
                        + "FROM generate_series(1, 5) v",
                "INSERT INTO projection_generation (generation, schema_name, state) VALUES (" + building + ", '" + b
                        + "', 'BUILDING')");
    }

    private List<String> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getResultList()
                .stream().map(String::valueOf).toList());
    }

    private static long structuresRegistered() {
        return IndicatorReads.value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2017")
                .queryParam("scope", "region").queryParam("scopeId", REGION).get("/api/v1/indicators"),
                "structures-registered");
    }
}
