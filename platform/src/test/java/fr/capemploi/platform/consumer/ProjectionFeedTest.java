package fr.capemploi.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Feeds the test projection through a real broker, as another service's relay would. */
@QuarkusTest
class ProjectionFeedTest {

    @Inject
    EntityManager entityManager;

    @Inject
    FeedLag lag;

    @Test
    void redeliveredEventChangesNothing() {
        String region = uniqueRegion();
        EventEnvelope event = registration(region);
        send(event);
        send(event);
        EventEnvelope other = registration(region);
        send(other);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(other.eventId()));
        assertThat(registered(region)).isEqualTo(2);
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicWithTheirReasonAndTheStreamGoesOn() {
        String topic = PlatformTestResource.topic(Topics.BENEFICIARY);
        String garbageKey = "garbage-" + UUID.randomUUID();
        sendRaw(garbageKey, "this is not an event".getBytes(StandardCharsets.UTF_8));
        EventEnvelope unknownRegion = registration("XX");
        send(unknownRegion);
        String region = uniqueRegion();
        EventEnvelope good = registration(region);
        send(good);

        await().atMost(Duration.ofSeconds(60)).until(() -> processed(good.eventId()));
        assertThat(registered(region)).isEqualTo(1);

        ConsumerRecord<String, byte[]> garbage = deadLetter(topic, garbageKey);
        assertThat(header(garbage, DeadLetters.REASON)).contains("not a valid event envelope");
        assertThat(header(garbage, DeadLetters.CONSUMER)).isEqualTo("platform-test.widgets");
        assertThat(header(garbage, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
        ConsumerRecord<String, byte[]> poison = deadLetter(topic, unknownRegion.aggregateId().toString());
        assertThat(header(poison, DeadLetters.REASON)).contains("region XX does not exist");
        assertThat(registered("XX")).isZero();
    }

    @Test
    void anEventInASchemaVersionTheProjectionDoesNotKnowGoesToTheDeadLetterTopicNeverThrough() {
        String topic = PlatformTestResource.topic(Topics.BENEFICIARY);
        String region = uniqueRegion();
        EventEnvelope current = registration(region);
        EventEnvelope future = new EventEnvelope(UUID.randomUUID(), current.eventType(), 99, current.occurredAt(),
                current.recordedAt(), current.source(), current.aggregateType(), UUID.randomUUID(),
                current.structureId(), current.payload());
        sendRaw(future.aggregateId().toString(), EventCodec.toBytes(future));
        EventEnvelope after = registration(region);
        send(after);

        await().atMost(Duration.ofSeconds(60)).until(() -> processed(after.eventId()));
        assertThat(registered(region)).isEqualTo(1);
        ConsumerRecord<String, byte[]> letter = deadLetter(topic, future.aggregateId().toString());
        assertThat(header(letter, DeadLetters.REASON)).contains("schemaVersion 99").contains("widgets");
    }

    @Test
    void aBatchHoldingTheSameEventTwiceAppliesItOnce() {
        String region = uniqueRegion();
        EventEnvelope event = registration(region);
        for (int i = 0; i < 5; i++) {
            send(event);
        }
        EventEnvelope last = registration(region);
        send(last);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last.eventId()));
        assertThat(registered(region)).isEqualTo(2);
    }

    /** Completion comes once the batch's events are applied, in their transaction: it sees what they wrote. */
    @Test
    void aBatchCompletesAfterItsEventsInTheirTransaction() {
        String region = uniqueRegion();
        for (int i = 0; i < 4; i++) {
            send(registration(region));
        }

        // the batch that counted the fourth (the events may sit on several partitions, so in several batches)
        // completed in the transaction that counted it
        await().atMost(Duration.ofSeconds(30)).until(() -> registered(region) == 4);
        assertThat(registered("completed " + region)).isEqualTo(4);
    }

    @Test
    void statusShowsTheOffsetReachedAndNoLagOnceCaughtUp() {
        EventEnvelope event = registration(uniqueRegion());
        send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(event.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.current().stream()
                .filter(p -> p.consumer().equals("platform-test.widgets")).mapToLong(FeedLag.PartitionLag::lag).sum() == 0);
        List<FeedLag.PartitionLag> partitions = lag.current();
        assertThat(partitions).isNotEmpty().allSatisfy(p -> assertThat(p.topic()).isEqualTo(Topics.BENEFICIARY));
        assertThat(partitions.stream().mapToLong(FeedLag.PartitionLag::offset).sum()).isPositive();
        assertThat(partitions).anySatisfy(p -> assertThat(p.lastEventAt()).isNotNull());
    }

    /**
     * Waits for the letter itself: the record that proves the stream went on may sit on another partition, applied
     * before the poison one's partition was even polled.
     */
    private static ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicProbe.records(Topics.deadLetterOf(topic)).stream()
                        .filter(r -> key.equals(r.key())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String uniqueRegion() {
        return "R" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static EventEnvelope registration(String region) {
        UUID id = UUID.randomUUID();
        return EventCodec.envelope(new StructureRegistered(id, "T1", "test", region, "75", LocalDate.of(2016, 1, 4)),
                Instant.now(), "another-service", Clock.systemUTC());
    }

    private static void send(EventEnvelope envelope) {
        TestEvents.publish(EventCodec.payload(envelope), envelope);
    }

    private static void sendRaw(String key, byte[] value) {
        TestEvents.publishRaw(Topics.BENEFICIARY, key, value);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Transactional
    boolean processed(UUID eventId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = 'platform-test.widgets' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1;
    }

    @Transactional
    long registered(String region) {
        List<?> rows = entityManager.createNativeQuery("SELECT registered FROM widget_count WHERE region = ?1")
                .setParameter(1, region).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}
