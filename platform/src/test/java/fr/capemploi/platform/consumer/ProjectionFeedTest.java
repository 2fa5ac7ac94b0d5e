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
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
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
    MeterRegistry registry;

    /**
     * A batch is logged by a plain insert (its records are past the stored positions): the same event published again
     * at a later offset, after its first copy was applied, fails that batch, which is applied again with the set-wise
     * filter, passing over the copy and applying the rest.
     */
    @Test
    void anEventPublishedAgainAfterItWasAppliedFailsItsBatchIntoTheFilter() {
        String region = uniqueRegion();
        EventEnvelope event = registration(region);
        send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.processed(event.eventId()));
        double retried = counter("projection.channel.batches.retried", "channel", "widgets");
        double duplicates = counter("projection.events.duplicates", "projection", WidgetFeed.CONSUMER);

        send(event);
        EventEnvelope after = registration(region);
        send(after);

        assertThat(feed.registeredOnceApplied(region, after)).isEqualTo(2);
        assertThat(counter("projection.channel.batches.retried", "channel", "widgets")).isGreaterThan(retried);
        assertThat(counter("projection.events.duplicates", "projection", WidgetFeed.CONSUMER))
                .isGreaterThan(duplicates);
    }

    private double counter(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    /**
     * A database migrated to V0_7 (the log keyed by a consumer's number) keeps what it had logged under the consumers'
     * names: each event logged before is still refused by its consumer, by either insert, and only by it. The
     * platform's migrations run in a schema of its own up to V0_6, as a service's database of the release before holds
     * them, then V0_7.
     */
    @Test
    void eventsLoggedBeforeTheLogWasKeyedByNumberAreStillRefusedAfter() throws Exception {
        String schema = "before_v0_7_" + UUID.randomUUID().toString().substring(0, 8);
        UUID logged = UUID.randomUUID();
        UUID loggedByAnother = UUID.randomUUID();
        String at = "2026-11-20T10:00:00Z";
        inSchemaByJdbc(schema, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String before : List.of("V0_1__outbox.sql", "V0_2__consumer.sql",
                        "V0_3__idempotent_response.sql", "V0_4__idempotent_response_structure.sql",
                        "V0_5__retention_indexes.sql", "V0_6__idempotent_response_resource.sql")) {
                    statement.execute(platformMigration(before));
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event"
                    + " (consumer, event_id, processed_at) VALUES (?, ?, CAST(? AS TIMESTAMPTZ))")) {
                for (Object[] row : List.of(new Object[] {"reporting-service.portfolio.g3", logged},
                        new Object[] {"cep-service.beneficiary-directory", loggedByAnother})) {
                    insert.setString(1, (String) row[0]);
                    insert.setObject(2, row[1]);
                    insert.setString(3, at);
                    insert.executeUpdate();
                }
            }
        });
        try {
            inSchemaByJdbc(schema, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(platformMigration("V0_7__processed_event_consumer_id.sql"));
                    // and on to the last migration, which the statements expect (V0_9: a partition per consumer)
                    statement.execute(platformMigration("V0_8__processed_event_age_brin.sql"));
                    statement.execute(platformMigration("V0_9__processed_event_partition_per_consumer.sql"));
                }
            });
            UUID fresh = UUID.randomUUID();
            assertThat(inSchema(schema, () -> positions.markProcessed("reporting-service.portfolio.g3",
                    List.of(logged, fresh)))).containsExactly(fresh);
            assertThatThrownBy(() -> inSchema(schema, () -> {
                positions.markFresh("reporting-service.portfolio.g3", List.of(UUID.randomUUID(), logged));
                return null;
            })).isInstanceOf(ConsumerPositions.AlreadyProcessed.class);
            assertThat(inSchema(schema, () -> positions.markProcessed("cep-service.beneficiary-directory",
                    List.of(logged, loggedByAnother)))).as("another consumer's log is its own").containsExactly(logged);
            assertThat(inSchema(schema, () -> positions.markProcessed("cep-service.cpf-" + UUID.randomUUID(),
                    List.of(logged, loggedByAnother)))).as("a consumer new after the migration")
                    .containsExactlyInAnyOrder(logged, loggedByAnother);
            assertThat(inSchema(schema, () -> ((Number) entityManager.createNativeQuery("SELECT count(*) FROM"
                    + " processed_event WHERE event_id = ?1 AND processed_at = CAST(?2 AS TIMESTAMPTZ)")
                    .setParameter(1, loggedByAnother).setParameter(2, at).getSingleResult()).longValue()))
                    .as("the age retention reads, kept").isEqualTo(1);
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static String platformMigration(String file) throws java.io.IOException {
        try (var in = ProjectionFeedTest.class.getClassLoader().getResourceAsStream("db/platform/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private interface JdbcWork {
        void run(Connection connection) throws Exception;
    }

    /** One JDBC transaction outside the application's, its unqualified tables the given schema's (created if new). */
    private void inSchemaByJdbc(String schema, JdbcWork work) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                statement.execute("SET LOCAL search_path TO " + schema);
            }
            work.run(connection);
            connection.commit();
        }
    }

    /** Runs {@code work} in a transaction of its own whose unqualified tables are the given schema's. */
    private <T> T inSchema(String schema, java.util.function.Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL search_path TO " + schema);
                }
            });
            return work.get();
        });
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
