package fr.capemploi.platform.consumer;

import static fr.capemploi.platform.testapp.WidgetFeed.registration;
import static fr.capemploi.platform.testapp.WidgetFeed.send;
import static fr.capemploi.platform.testapp.WidgetFeed.uniqueRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.platform.testapp.WidgetFeed;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds the test projection through a real broker, as another service's relay would. */
@QuarkusTest
class ProjectionFeedTest {

    @Inject
    WidgetFeed feed;

    @Inject
    FeedLag lag;

    /** Sent twice (a redelivery) or five times in a row (a batch holding it several times): applied once. */
    @ParameterizedTest(name = "sent {0} times")
    @ValueSource(ints = {2, 5})
    void anEventSentAgainIsAppliedOnce(int times) {
        String region = uniqueRegion();
        EventEnvelope event = registration(region);
        for (int i = 0; i < times; i++) {
            send(event);
        }
        EventEnvelope last = registration(region);
        send(last);

        assertThat(feed.registeredOnceApplied(region, last)).isEqualTo(2);
    }

    @Inject
    ConsumerPositions positions;

    /**
     * A prepared batch logs its events by a plain insert: one the consumer already processed fails the batch (to be
     * applied again the usual way) and nothing of the batch is logged.
     */
    @Test
    void aPreparedBatchHoldingAnEventAlreadyProcessedIsRefusedWhole() {
        String consumer = "platform-test.fresh-" + UUID.randomUUID();
        UUID processed = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> positions.markFresh(consumer, List.of(processed)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> positions.markFresh(consumer, List.of(fresh, processed))))
                .isInstanceOf(ConsumerPositions.AlreadyProcessed.class);
        assertThat(QuarkusTransaction.requiringNew().call(() -> positions.markProcessed(consumer,
                List.of(fresh, processed)))).as("what the refused batch left unlogged").containsExactly(fresh);
    }

    /**
     * New events' ids are time-ordered (version 7); ids logged before are random (version 4) and stay in the log: a
     * batch after another refuses each of either kind that the consumer already logged, and only those.
     */
    @Test
    void anIdOfEitherVersionLoggedInOneBatchIsRefusedInTheNext() {
        String consumer = "platform-test.versions-" + UUID.randomUUID();
        UUID loggedBefore = UUID.randomUUID();
        UUID first = EventCodec.newEventId();
        UUID second = EventCodec.newEventId();
        assertThat(first.version()).isEqualTo(7);
        QuarkusTransaction.requiringNew().run(() -> positions.markFresh(consumer, List.of(loggedBefore, first)));

        assertThat(QuarkusTransaction.requiringNew().call(() -> positions.markProcessed(consumer,
                List.of(second, first, loggedBefore)))).containsExactly(second);
        assertThat(QuarkusTransaction.requiringNew().call(() -> positions.markProcessed(consumer,
                List.of(loggedBefore, second, first)))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> positions.markProcessed(
                "platform-test.another-" + UUID.randomUUID(), List.of(first, loggedBefore))))
                .as("another consumer's log is its own").containsExactlyInAnyOrder(first, loggedBefore);
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

        assertThat(feed.registeredOnceApplied(region, good)).isEqualTo(1);

        ConsumerRecord<String, byte[]> garbage = deadLetter(topic, garbageKey);
        assertThat(header(garbage, DeadLetters.REASON)).contains("not a valid event envelope");
        assertThat(header(garbage, DeadLetters.CONSUMER)).isEqualTo(WidgetFeed.CONSUMER);
        assertThat(header(garbage, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
        ConsumerRecord<String, byte[]> poison = deadLetter(topic, unknownRegion.aggregateId().toString());
        assertThat(header(poison, DeadLetters.REASON)).contains("region XX does not exist");
        assertThat(feed.registered("XX")).isZero();
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

        assertThat(feed.registeredOnceApplied(region, after)).isEqualTo(1);
        ConsumerRecord<String, byte[]> letter = deadLetter(topic, future.aggregateId().toString());
        assertThat(header(letter, DeadLetters.REASON)).contains("schemaVersion 99").contains("widgets");
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
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.registered(region) == 4);
        assertThat(feed.registered("completed " + region)).isEqualTo(4);
    }

    @Test
    void statusShowsTheOffsetReachedAndNoLagOnceCaughtUp() {
        EventEnvelope event = registration(uniqueRegion());
        send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.processed(event.eventId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.current().stream()
                .filter(p -> p.consumer().equals(WidgetFeed.CONSUMER)).mapToLong(FeedLag.PartitionLag::lag).sum() == 0);
        List<FeedLag.PartitionLag> partitions = lag.current();
        assertThat(partitions).isNotEmpty().allSatisfy(p -> assertThat(p.topic()).isEqualTo(Topics.BENEFICIARY));
        assertThat(partitions.stream().mapToLong(FeedLag.PartitionLag::offset).sum()).isPositive();
        assertThat(partitions).anySatisfy(p -> assertThat(p.lastEventAt()).isNotNull());
    }

    /**
     * Waits for the letter itself: the record that proves the stream went on may sit on another partition, applied
     * before the poison one's partition was even polled. Each look creates a consumer and reads the whole topic: every
     * half second, not every 100 ms.
     */
    private static ConsumerRecord<String, byte[]> deadLetter(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> TopicProbe.records(Topics.deadLetterOf(topic)).stream()
                        .filter(r -> key.equals(r.key())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static void sendRaw(String key, byte[] value) {
        TestEvents.publishRaw(Topics.BENEFICIARY, key, value);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
