package fr.capemploi.platform.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.platform.logging.OutageLogFilter;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under the application (its connections reset, new ones refused, through the test resource's
 * proxy) and comes back: clients get 503 problem+json with Retry-After instead of 500, readiness follows the database
 * and not the broker, and the outage is one warning in the log (as the console handler, with its filter, would print
 * it), not a stack trace per request.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** Health answers on the management interface, not on the API port. */
    @TestHTTPResource(value = "health", management = true)
    URL health;

    private final List<LogRecord> printed = new CopyOnWriteArrayList<>();
    private final Handler console = new Handler() {
        private final OutageLogFilter filter = new OutageLogFilter();

        @Override
        public void publish(LogRecord record) {
            // the broker is not part of this outage; its clients' unrelated warnings are OutageLogFilter's other test
            if (filter.isLoggable(record) && record.getLevel().intValue() >= Level.WARNING.intValue()
                    && !record.getLoggerName().startsWith("org.apache.kafka")) {
                printed.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void restore() {
        PlatformTestResource.databaseProxy().restore();
        Logger.getLogger("").removeHandler(console);
    }

    @Test
    void readinessIsTheDatabaseAndTheBrokerIsAWellnessDetail() {
        JsonPath ready = given().get(health + "/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getList("checks.name", String.class)).contains("Database connections health check")
                .doesNotContain("kafka");
        given().get(health + "/well").then().statusCode(200).body("checks.find { it.name == 'kafka' }.status",
                equalTo("UP"));
    }

    @Test
    void writesAnswer503WithRetryAfterWhileTheDatabaseIsAwayAndTheOutageIsLoggedOnce() {
        create("before-" + UUID.randomUUID()).then().statusCode(200);
        long deadLettered = deadLettered();
        Logger.getLogger("").addHandler(console);

        PlatformTestResource.databaseProxy().cut();
        for (int i = 0; i < 5; i++) {
            create("during-" + UUID.randomUUID()).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503))
                    .body("type", equalTo("https://cepcpf.capemploi.fr/problems/database-unavailable"));
        }
        given().get(health + "/ready").then().statusCode(503);

        PlatformTestResource.databaseProxy().restore();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(health + "/ready").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> create("after-" + UUID.randomUUID()).then().statusCode(200));

        // the consumer of the event written just before retried it until the database was back: not a poison record
        assertThat(deadLettered()).isEqualTo(deadLettered);

        List<String> lines = printed.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage()).toList();
        // one line for the outage; the relay and the projection channel each say once that they back off
        assertThat(lines).as("warnings and errors printed during the outage").hasSizeLessThanOrEqualTo(3)
                .anyMatch(line -> line.contains("Database unavailable"));
        assertThat(printed).extracting(LogRecord::getLoggerName).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("fr.capemploi.platform"));
        assertThat(printed).as(lines.toString())
                .allMatch(r -> r.getLevel().intValue() == Level.WARNING.intValue() && r.getThrown() == null);
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    @jakarta.transaction.Transactional
    long deadLettered() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM dead_lettered_event").getSingleResult())
                .longValue();
    }

    private static io.restassured.response.Response create(String name) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"count\":0,\"colour\":\"RED\"}").post("/test/widgets");
    }
}
