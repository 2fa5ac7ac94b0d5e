package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service started while no broker answers (as during a broker outage): it is ready (its database and projection
 * store are), the broker's state is a wellness detail, and the projection status answers from the positions stored
 * with the projections, end offsets and lags marked unknown.
 */
@QuarkusTest
@TestProfile(ProjectionStatusWithoutBrokerTest.BrokerAway.class)
class ProjectionStatusWithoutBrokerTest {

    /** Health answers on the management interface, not on the API port. */
    @TestHTTPResource(value = "health", management = true)
    URL health;

    public static class BrokerAway implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PlatformTestResource.class,
                    Map.of("service", "reporting", "broker", "unreachable")));
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void readyWithoutBroker() {
        JsonPath ready = given().get(health + "/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class)).contains("projection-store")
                .doesNotContain("kafka");
        given().get(health + "/well").then().statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
    }

    @Test
    void statusAnswersFromStoredPositions() {
        storePosition("reporting-service.structures.g1", "beneficiary.events", 1, 42);

        JsonPath status = given().auth().oauth2(TestTokens.admin()).get("/api/v1/projections/status")
                .then().statusCode(200)
                .body("brokerAvailable", equalTo(false))
                .body("totalLag", nullValue())
                .body("rebuildLag", nullValue())
                .extract().jsonPath();
        Map<String, Object> partition = status.getMap(
                "partitions.find { it.projection == 'reporting-service.structures.g1' && it.partition == 1 }");
        assertThat(partition).containsEntry("offset", 42).containsEntry("generation", 1)
                .containsEntry("role", "ACTIVE").containsEntry("topic", "beneficiary.events");
        assertThat(partition.get("endOffset")).isNull();
        assertThat(partition.get("lag")).isNull();
    }

    @Transactional
    void storePosition(String consumer, String topic, int partition, long offset) {
        entityManager.createNativeQuery("INSERT INTO consumer_offset (consumer, topic, kafka_partition, next_offset) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, consumer).setParameter(2, topic)
                .setParameter(3, partition).setParameter(4, offset).executeUpdate();
    }
}
