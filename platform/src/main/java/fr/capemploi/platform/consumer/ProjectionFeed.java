package fr.capemploi.platform.consumer;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.platform.config.Backoff;
import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.config.TopicNames;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Feeds one projection from its topics. Each poll is applied in one transaction together with the processed-event
 * log and the new offsets; the database, not Kafka, holds the position, so a crash between the two never skips or
 * repeats an event. If a batch fails, its records are retried one by one to isolate a poison record, which goes to
 * the dead-letter topic; a failure that persists while the database is unreachable is waited out instead.
 */
public final class ProjectionFeed implements Runnable {

    private static final Logger LOG = Logger.getLogger(ProjectionFeed.class);
    private static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    private final EventProjection projection;
    private final String consumerName;
    private final KafkaClients kafkaClients;
    private final TopicNames topicNames;
    private final ConsumerPositions positions;
    private final DeadLetters deadLetters;
    private final AgroalDataSource dataSource;
    private final PlatformConfig.Consumer settings;
    private final Timer applyLatency;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;

    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    ProjectionFeed(EventProjection projection, String consumerName, KafkaClients kafkaClients, TopicNames topicNames,
            ConsumerPositions positions, DeadLetters deadLetters, AgroalDataSource dataSource,
            PlatformConfig.Consumer settings, MeterRegistry registry) {
        this.projection = projection;
        this.consumerName = consumerName;
        this.kafkaClients = kafkaClients;
        this.topicNames = topicNames;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.dataSource = dataSource;
        this.settings = settings;
        this.applyLatency = Timer.builder("projection.event.latency")
                .description("From the recording of an event in its service to the commit that shows it to queries")
                .tag("projection", consumerName).publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.applied = Counter.builder("projection.events.applied").tag("projection", consumerName).register(registry);
        this.duplicates = Counter.builder("projection.events.duplicates").tag("projection", consumerName)
                .register(registry);
        this.deadLettered = Counter.builder("projection.events.dead.lettered").tag("projection", consumerName)
                .register(registry);
    }

    public String consumerName() {
        return consumerName;
    }

    public EventProjection projection() {
        return projection;
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (running) {
            try (KafkaConsumer<String, byte[]> client = kafkaClients.consumer(consumerName, settings.maxPollRecords())) {
                consumer = client;
                List<String> topics = projection.topics().stream().map(topicNames::physical).toList();
                client.subscribe(topics, new SeekToStoredPositions(client));
                while (running) {
                    ConsumerRecords<String, byte[]> records = client.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        handle(records);
                        client.commitAsync(nextOffsets(records), null);
                    }
                    backoff.reset();
                }
            } catch (WakeupException e) {
                // stop() was called
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                long delay = backoff.nextDelayMillis();
                LOG.warnf(e, "Projection %s stopped reading (%s); resuming in %d ms", consumerName, e.getMessage(), delay);
                sleep(delay);
            } finally {
                consumer = null;
            }
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
            List<Instant> recorded = new ArrayList<>(batch.size());
            QuarkusTransaction.requiringNew().run(() -> {
                recorded.clear();
                batch.forEach(record -> recorded.add(applyInTransaction(record)));
            });
            recordLatency(recorded);
        } catch (RuntimeException batchFailure) {
            LOG.debugf(batchFailure, "Batch of %d failed in %s; applying one by one", batch.size(), consumerName);
            for (ConsumerRecord<String, byte[]> record : batch) {
                handleAlone(record);
            }
        }
    }

    private void handleAlone(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        int attempts = 0;
        while (running) {
            try {
                recordLatency(java.util.Collections.singletonList(
                        QuarkusTransaction.requiringNew().call(() -> applyInTransaction(record))));
                return;
            } catch (MalformedEventException poison) {
                deadLetter(record, poison.getMessage());
                return;
            } catch (RuntimeException failure) {
                attempts++;
                if (attempts >= ATTEMPTS_BEFORE_DEAD_LETTER && databaseReachable()) {
                    deadLetter(record, "projection failed " + attempts + " times: " + rootMessage(failure));
                    return;
                }
                long delay = backoff.nextDelayMillis();
                LOG.warnf("Projection %s could not apply %s-%d@%d (%s); retrying in %d ms", consumerName,
                        record.topic(), record.partition(), record.offset(), rootMessage(failure), delay);
                Thread.sleep(delay);
            }
        }
        throw new InterruptedException("stopping");
    }

    /** @return when the applied event was recorded by its service, or null for a duplicate */
    private Instant applyInTransaction(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventCodec.fromBytes(record.value());
        boolean fresh = positions.markProcessed(consumerName, envelope.eventId());
        if (fresh) {
            projection.apply(envelope);
        } else {
            duplicates.increment();
        }
        positions.advance(consumerName, topicNames.logical(record.topic()), record.partition(), record.offset() + 1,
                envelope.recordedAt());
        return fresh ? envelope.recordedAt() : null;
    }

    /** Measured after the commit: from the fact's recording upstream to the moment queries can see it. */
    private void recordLatency(List<Instant> recordedAts) {
        Instant now = Instant.now();
        for (Instant recordedAt : recordedAts) {
            if (recordedAt != null) {
                applied.increment();
                applyLatency.record(Duration.between(recordedAt, now));
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) throws InterruptedException {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (running) {
            try {
                deadLetters.send(consumerName, record, reason);
                QuarkusTransaction.requiringNew().run(() -> {
                    positions.recordDeadLetter(consumerName, topicNames.logical(record.topic()), record.partition(),
                            record.offset(), reason);
                    positions.advance(consumerName, topicNames.logical(record.topic()), record.partition(),
                            record.offset() + 1, null);
                });
                deadLettered.increment();
                LOG.errorf("Projection %s sent %s-%d@%d to the dead-letter topic: %s", consumerName, record.topic(),
                        record.partition(), record.offset(), reason);
                return;
            } catch (Exception e) {
                long delay = backoff.nextDelayMillis();
                LOG.warnf("Projection %s could not dead-letter a record (%s); retrying in %d ms", consumerName,
                        rootMessage(e), delay);
                Thread.sleep(delay);
            }
        }
        throw new InterruptedException("stopping");
    }

    private boolean databaseReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Positions live in the projection's database; Kafka's committed offsets are only informative. */
    private final class SeekToStoredPositions implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> client;

        SeekToStoredPositions(KafkaConsumer<String, byte[]> client) {
            this.client = client;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<String, Map<Integer, ConsumerPositions.Position>> stored = new HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> partitions.stream().map(TopicPartition::topic).distinct()
                    .forEach(topic -> stored.put(topic, positions.positions(consumerName, topicNames.logical(topic)))));
            for (TopicPartition partition : partitions) {
                ConsumerPositions.Position position = stored.get(partition.topic()).get(partition.partition());
                if (position == null) {
                    client.seekToBeginning(List.of(partition));
                } else {
                    client.seek(partition, position.nextOffset());
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing to flush: every applied record's position is already committed in the database
        }
    }
}
