package fr.capemploi.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.CloudEventHeaders;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;


    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Test
    void committedChangeIsPublishedWithItsEnvelopeHeadersAndKey() {
        String name = "widget-" + UUID.randomUUID();
        String id = posted("/test/widgets", name).statusCode(200).extract().path("id");

        String topic = PlatformTestResource.topic(Topics.BENEFICIARY);
        List<ConsumerRecord<String, byte[]>> records = publishedRecordsFor(topic, id);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        EventEnvelope envelope = EventCodec.fromBytes(record.value());
        assertThat(record.key()).isEqualTo(id);
        assertThat(envelope.eventType()).isEqualTo("StructureRegistered");
        assertThat(envelope.source()).isEqualTo("platform-test");
        assertThat(envelope.payload().get("name").asText()).isEqualTo(name);
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(envelope.eventId().toString());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("StructureRegistered");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/platform-test");
        assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(envelope.eventId()) != null);
    }

    @Test
    void rolledBackChangeLeavesNeitherRowNorEvent() {
        String name = "doomed-" + UUID.randomUUID();
        posted("/test/widgets/failing", name).statusCode(409);

        assertThat(count("SELECT count(*) FROM widget WHERE name = '" + name + "'")).isZero();
        assertNothingWasPublishedFor(name);
    }

    @Test
    void eventOfATransactionThatTouchedNoEntityIsRolledBackWithIt() {
        // the outbox writes on the pool's connection, not through a Hibernate session: the pool must hand out the
        // connection enlisted in the transaction even when no session opened one
        String name = "lone-" + UUID.randomUUID();
        posted("/test/widgets/event-only/failing", name).statusCode(409);

        assertNothingWasPublishedFor(name);
    }

    @Test
    void oneStatementWriteOutsideATransactionCommitsTheRowAndItsEventAndIsPublished() {
        // a companion row and its event are one statement: outside any transaction it commits on its own
        UUID id = UUID.randomUUID();
        String name = "one-statement-" + id;
        posted("/test/widgets/one-statement/" + id, name).statusCode(200);

        assertThat(count("SELECT count(*) FROM widget WHERE id = '" + id + "' AND name = '" + name + "'")).isEqualTo(1);
        String topic = PlatformTestResource.topic(Topics.BENEFICIARY);
        List<ConsumerRecord<String, byte[]>> records = publishedRecordsFor(topic, id.toString());
        assertThat(records).hasSize(1);
        assertThat(EventCodec.fromBytes(records.get(0).value()).payload().get("name").asText()).isEqualTo(name);
    }

    @Test
    void oneStatementWriteThatFailsLeavesNeitherRowNorEvent() {
        UUID id = UUID.randomUUID();
        posted("/test/widgets/one-statement/" + id, "first-" + id).statusCode(200);
        // the same widget id again: the companion's insert fails, so the event's row in the same statement is not kept
        String name = "second-" + id;
        int status = posted("/test/widgets/one-statement/" + id, name).extract().statusCode();

        assertThat(status).isGreaterThanOrEqualTo(400);
        assertThat(count("SELECT count(*) FROM widget WHERE name = '" + name + "'")).isZero();
        assertNothingWasPublishedFor(name);
    }

    @Test
    void eventAloneOutsideATransactionIsRefused() {
        String name = "untransacted-" + UUID.randomUUID();
        int status = posted("/test/widgets/event-only/outside-transaction", name).extract().statusCode();

        assertThat(status).isEqualTo(500);
        assertNothingWasPublishedFor(name);
    }

    /** A red widget of that name, posted by an administrator to one of the test application's write paths. */
    private static ValidatableResponse posted(String path, String name) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"count\":1,\"colour\":\"RED\"}").post(path).then();
    }

    /** No outbox row names it, and a later event proves the relay has run past where its event would have been. */
    private void assertNothingWasPublishedFor(String name) {
        assertThat(count("SELECT count(*) FROM outbox_event WHERE convert_from(envelope, 'UTF8') LIKE '%" + name + "%'"))
                .isZero();
        String marker = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"marker\",\"count\":1,\"colour\":\"GREEN\"}")
                .post("/test/widgets").then().statusCode(200).extract().path("id");
        String topic = PlatformTestResource.topic(Topics.BENEFICIARY);
        awaitEveryRowPublished();
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.records(topic);
        assertThat(records).filteredOn(r -> marker.equals(r.key())).hasSize(1);
        assertThat(records).noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(name));
    }

    @Test
    void eventsOfOneKeyKeepTheirCommitOrder() {
        UUID key = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/test/widgets/sequence/" + key + "/40").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).post("/test/widgets/sequence/" + key + "/40").then().statusCode(200);
        String topic = PlatformTestResource.topic(Topics.BENEFICIARY);
        List<String> names = publishedRecordsFor(topic, key.toString()).stream()
                .map(r -> EventCodec.fromBytes(r.value()).payload().get("name").asText()).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 40; i++) {
                expected.add("seq-" + i);
            }
        }
        assertThat(names).containsExactlyElementsOf(expected);
    }

    @Test
    void pendingRowsAndLagAreExposedAsMetrics() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"metered\",\"count\":1,\"colour\":\"RED\"}").post("/test/widgets").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pendingCount() == 0);
        String page = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(page).contains("outbox_pending").contains("outbox_publish_lag_seconds")
                .contains("outbox_oldest_pending_age_seconds");
    }

    /**
     * The records of that key on the topic, read once the relay has the broker's acknowledgement of every outbox row
     * (it marks a row published only then). The rows are what is polled, a count; reading the topic, a consumer
     * created and the whole topic read each time, was polled every 100 ms before.
     */
    private List<ConsumerRecord<String, byte[]>> publishedRecordsFor(String topic, String key) {
        awaitEveryRowPublished();
        return TopicProbe.records(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    private void awaitEveryRowPublished() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @jakarta.transaction.Transactional
    long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @jakarta.transaction.Transactional
    Object publishedAt(UUID eventId) {
        List<?> rows = entityManager.createNativeQuery("SELECT published_at FROM outbox_event WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }
}
