package fr.capemploi.reporting.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A rebuild from offset 0 yields exactly the live projections, while the live ones keep answering. */
@QuarkusTest
class ProjectionRebuildTest {

    @Inject
    ProjectionGenerations generations;

    @Inject
    EntityManager entityManager;

    @Test
    void rebuildEqualsLiveAndSwitchesWithoutInterruption() {
        // every kind of fact, out of order and with duplicates, so that every table has rows to compare
        new ReportingScenario("26").publish();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            StructureRegistered event = new StructureRegistered(id, "RB" + i, "Cap emploi", i % 2 == 0 ? "11" : "84",
                    i % 2 == 0 ? "75" : "69", LocalDate.of(2016, 1 + i % 12, 1));
            var envelope = TestEvents.publish(event, Instant.parse("2016-01-01T00:00:00Z"));
            if (i % 3 == 0) {
                TestEvents.publish(event, envelope); // duplicates must not count in either generation
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> activeLag() == 0);
        Generation before = generations.active();
        long valueBefore = structuresRegistered();

        int rebuilding = given().auth().oauth2(TestTokens.admin()).post("/api/v1/admin/projections/rebuild")
                .then().statusCode(202).extract().path("generation");
        assertThat(rebuilding).isGreaterThan(before.number());
        // the rebuild's progress shows beside the active generation, unless it has already been switched to
        io.restassured.path.json.JsonPath during = given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/projections/status").then().statusCode(200).extract().jsonPath();
        if (during.get("rebuildingGeneration") != null) {
            assertThat(during.getInt("rebuildingGeneration")).isEqualTo(rebuilding);
            assertThat(during.getLong("rebuildLag")).isNotNegative();
            assertThat(during.getList("partitions.role", String.class)).contains("ACTIVE", "REBUILDING");
            assertThat(during.getList("partitions.findAll { it.role == 'REBUILDING' }.generation", Integer.class))
                    .containsOnly(rebuilding);
        } else {
            assertThat(during.getInt("activeGeneration")).isEqualTo(rebuilding);
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
        assertThat(snapshot(after)).isEqualTo(live);
        assertThat(structuresRegistered()).isEqualTo(valueBefore);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/projections/status").then().statusCode(200)
                .body("activeGeneration", org.hamcrest.Matchers.equalTo(rebuilding))
                .body("lastRebuild.switchedAt", org.hamcrest.Matchers.notNullValue());

        // the new generation keeps following the topics
        TestEvents.publish(new StructureRegistered(UUID.randomUUID(), "RBX", "Cap emploi", "53", "35",
                LocalDate.of(2016, 3, 1)), Instant.parse("2016-03-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> structuresRegistered() == valueBefore + 1);

        // the retired generation stays for its grace period (1 h), then is dropped with its consumers' bookkeeping
        assertThat(retiredGenerations.dropExpired()).doesNotContain(before.number());
        assertThat(schemaExists(before.schema())).isTrue();
        ageRetirement(before.number(), Duration.ofHours(2));
        assertThat(retiredGenerations.dropExpired()).contains(before.number());
        assertThat(schemaExists(before.schema())).isFalse();
        assertThat(rowsOf("processed_event", before.consumerSuffix())).isZero();
        assertThat(rowsOf("consumer_offset", before.consumerSuffix())).isZero();
        assertThat(schemaExists(after.schema())).isTrue();
    }

    @Inject
    RetiredGenerations retiredGenerations;

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
        return given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016").get("/api/v1/indicators")
                .then().statusCode(200).extract().jsonPath()
                .getLong("indicators.find { it.id == 'structures-registered' }.value");
    }

    private static long activeLag() {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/projections/status")
                .then().statusCode(200).extract().jsonPath().<Object>get("totalLag") instanceof Number lag ? lag.longValue() : -1;
    }
}
