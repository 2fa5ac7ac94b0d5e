package fr.capemploi.reporting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.reporting.rest.IndicatorReads;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service starts on a database whose generations were built before the projection schema's baseline
 * ({@code db/stale-generations}, added to the service's migrations by this test's profile): the active one from
 * before Flyway, a rebuild in progress whose history stops at V5. Neither can be migrated any more. The active one
 * is kept, unmigrated, until a rebuild from offset 0 into a new generation catches up and is switched to; the
 * rebuild in progress is abandoned (its tables dropped with the next rebuild's clean-up).
 */
@QuarkusTest
@TestProfile(StaleGenerationsAtStartTest.GenerationsFromBeforeTheBaseline.class)
class StaleGenerationsAtStartTest {

    public static class GenerationsFromBeforeTheBaseline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/platform,db/migration,db/stale-generations");
        }
    }

    @Inject
    ProjectionGenerations generations;

    @Inject
    EntityManager entityManager;

    @Test
    void aRebuildFromOffsetZeroReplacesThemAndTheOldActiveOneIsNeverMigrated() {
        TestEvents.publish(new StructureRegistered(UUID.randomUUID(), "SG1", "Cap emploi",
                TestRegion.STALE_GENERATIONS.code, "75", LocalDate.of(2017, 2, 1)),
                Instant.parse("2017-02-01T00:00:00Z"));

        await("switched to the rebuilt generation").atMost(Duration.ofSeconds(90))
                .until(() -> generations.active().number() == 3);
        // which holds what the topics hold: the lag, then one read (a poll of the indicators computes all of them
        // at each look)
        ReportingScenario.awaitApplied();
        assertThat(structuresRegistered()).isEqualTo(1);

        assertThat(rows("SELECT generation || ' ' || state FROM projection_generation ORDER BY generation"))
                .containsExactly("1 RETIRED", "2 ABANDONED", "3 ACTIVE");
        assertThat(rows("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'reporting_g%' "
                + "ORDER BY 1")).as("g1 kept as it was (no history made for it), g2 dropped, g3 from the baseline")
                .containsExactly("reporting_g1", "reporting_g3", "reporting_g3_history");
        assertThat(rows("SELECT version || ' ' || type FROM reporting_g3_history.projection_schema_history "
                + "WHERE version IS NOT NULL ORDER BY installed_rank")).first().isEqualTo("13 SQL_BASELINE");
    }

    private List<String> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getResultList()
                .stream().map(String::valueOf).toList());
    }

    private static long structuresRegistered() {
        return IndicatorReads.value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2017")
                .get("/api/v1/indicators"), "structures-registered");
    }
}
