package fr.capemploi.platform.retention;

import static fr.capemploi.platform.testapp.WidgetFeed.registration;
import static fr.capemploi.platform.testapp.WidgetFeed.send;
import static fr.capemploi.platform.testapp.WidgetFeed.uniqueRegion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.platform.consumer.ConsumerPositions;
import fr.capemploi.platform.testapp.WidgetFeed;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Retention with the default windows (30 days for the processed-event log, 7 days for published outbox rows and
 * idempotent answers): a redelivery inside the window is still passed over, rows past it go, and under a long run
 * (simulated by ageing rows as time would) the tables stay bounded while writers keep writing through the API.
 */
@QuarkusTest
class RetentionTest {

    /** Metrics answer on the management interface, not on the API port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    Retention retention;

    @Inject
    EntityManager entityManager;

    @Inject
    WidgetFeed feed;

    @Test
    void aRedeliveryInsideTheWindowIsStillRecognisedAndRowsPastItArePruned() throws Exception {
        String region = uniqueRegion();
        EventEnvelope event = registration(region);
        EventEnvelope old = registration(region);
        send(event);
        send(old);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.processed(event.eventId()) && feed.processed(old.eventId()));

        age("processed_event", "processed_at", "event_id = '" + event.eventId() + "'", Duration.ofDays(29));
        age("processed_event", "processed_at", "event_id = '" + old.eventId() + "'", Duration.ofDays(31));
        retention.prune();
        assertThat(feed.processed(event.eventId())).as("29 days old: inside the window").isTrue();
        assertThat(feed.processed(old.eventId())).as("31 days old: pruned").isFalse();

        // the same event published again (a relay that died before marking it sent) is recognised and not applied
        send(event);
        EventEnvelope marker = registration(region);
        send(marker);
        assertThat(feed.registeredOnceApplied(region, marker)).isEqualTo(3);
    }

    @Test
    void tablesStayBoundedUnderALongRun() throws Exception {
        for (int day = 0; day < 8; day++) {
            // a day of traffic: writes through the API (outbox rows, idempotent answers) and bookkeeping rows
            for (int i = 0; i < 5; i++) {
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .body("{\"name\":\"long-run-" + UUID.randomUUID() + "\",\"count\":0,\"colour\":\"RED\"}")
                        .post("/test/widgets/idempotent").then().statusCode(201);
            }
            insertProcessed(2_500);
            // time passes: everything written so far is a little over a week older
            age("processed_event", "processed_at", LONG_RUN, Duration.ofDays(8));
            age("idempotent_response", "created_at", "true", Duration.ofDays(8));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("outbox_event", "published_at IS NULL") == 0);
            age("outbox_event", "published_at", "true", Duration.ofDays(8));

            Map<String, Long> pruned = retention.prune();
            assertThat(pruned.get("outbox_event")).isPositive();
            assertThat(count("outbox_event", "true")).isZero();
            assertThat(count("idempotent_response", "true")).isZero();
            // the processed-event window is 30 days: at most four "days" of rows (8 days each) are kept
            assertThat(count("processed_event", LONG_RUN)).isLessThanOrEqualTo(4 * 2_500);
        }
        given().get(metrics).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("platform_table_rows{table=\"processed_event\"}"))
                .body(org.hamcrest.Matchers.containsString("platform_table_bytes{table=\"outbox_event\"}"))
                .body(org.hamcrest.Matchers.containsString("retention_pruned_total{table=\"processed_event\"}"));
    }

    @Transactional
    void age(String table, String column, String where, Duration by) {
        entityManager.createNativeQuery("UPDATE " + table + " SET " + column + " = " + column + " - make_interval(secs => "
                + by.toSeconds() + ") WHERE " + column + " IS NOT NULL AND " + where).executeUpdate();
    }

    private static final String LONG_RUN = "consumer_id = (SELECT id FROM event_consumer WHERE name = 'long-run')";

    @Inject
    ConsumerPositions positions;

    @Transactional
    void insertProcessed(int rows) {
        positions.markFresh("long-run", Stream.generate(UUID::randomUUID).limit(rows).toList());
    }

    @Transactional
    long count(String table, String where) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + where)
                .getSingleResult()).longValue();
    }
}
