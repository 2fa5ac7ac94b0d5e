package fr.capemploi.platform.consumer;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.platform.config.LatencyBuckets;
import fr.capemploi.platform.config.TopicNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One projection fed under one consumer name: which records it still has to apply, and how a batch of them is
 * applied. The processed-event log and the positions are written set-wise, once per batch, in the transaction of
 * the projection's own change; the position held in memory only says where the next record should be.
 */
public final class ProjectionFeed {

    private final EventProjection projection;
    private final String consumerName;
    private final TopicNames topicNames;
    private final ConsumerPositions positions;
    private final Set<String> physicalTopics;
    /** Next offset to apply per partition, as committed; a partition not assigned here is absent. */
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final Timer applyLatency;
    private final Counter applied;
    private final Counter duplicates;

    ProjectionFeed(EventProjection projection, String consumerName, TopicNames topicNames, ConsumerPositions positions,
            MeterRegistry registry) {
        this.projection = projection;
        this.consumerName = consumerName;
        this.topicNames = topicNames;
        this.positions = positions;
        this.physicalTopics = Set.copyOf(projection.topics().stream().map(topicNames::physical).toList());
        this.applyLatency = Timer.builder("projection.event.latency")
                .description("From the recording of an event in its service to the commit that shows it to queries")
                .tag("projection", consumerName).publishPercentiles(0.5, 0.95, 0.99)
                .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry);
        this.applied = Counter.builder("projection.events.applied").tag("projection", consumerName).register(registry);
        this.duplicates = Counter.builder("projection.events.duplicates").tag("projection", consumerName)
                .register(registry);
    }

    public String consumerName() {
        return consumerName;
    }

    public EventProjection projection() {
        return projection;
    }

    Set<String> physicalTopics() {
        return physicalTopics;
    }

    boolean reads(String physicalTopic) {
        return physicalTopics.contains(physicalTopic);
    }

    /**
     * Loads the committed positions of the given partitions (all of them, or only those not known yet); a partition
     * never applied starts at its beginning.
     */
    void loadPositions(Map<TopicPartition, Long> beginnings, boolean reload) {
        // every topic's positions of this consumer in one statement, read only if a partition needs them
        Map<String, Map<Integer, ConsumerPositions.Position>> stored = null;
        for (Map.Entry<TopicPartition, Long> entry : beginnings.entrySet()) {
            TopicPartition partition = entry.getKey();
            if (!reads(partition.topic()) || (!reload && next.containsKey(partition))) {
                continue;
            }
            if (stored == null) {
                stored = positions.positions(List.of(consumerName)).getOrDefault(consumerName, Map.of());
            }
            ConsumerPositions.Position position = stored.getOrDefault(topicNames.logical(partition.topic()), Map.of())
                    .get(partition.partition());
            next.put(partition, position == null ? entry.getValue() : position.nextOffset());
        }
    }

    Long nextOffset(TopicPartition partition) {
        return next.get(partition);
    }

    void forget(TopicPartition partition) {
        next.remove(partition);
    }

    /**
     * Applies records (in partition order) in the caller's transaction, each read by {@code decoder} (the channel
     * reads a record once for all its projections): drops the events already processed by this
     * consumer in one statement, applies the others in order; where the batch leaves each partition is returned, for
     * the caller to write in the same transaction with the other projections'
     * ({@link ConsumerPositions#advanceRelaxed}).
     * <p>
     * {@code pastPositions}: the records were selected past the stored positions, so none of their events can have
     * been applied unless it was published twice (at two offsets). They are then logged by a plain insert
     * ({@link ConsumerPositions#markFresh}), which fails the transaction on such a duplicate; the caller applies the
     * batch again without the assumption ({@code false}: {@link ConsumerPositions#markProcessed}'s set-wise filter),
     * as a prepared batch is.
     *
     * @return the positions to write, then to remember once the transaction has committed, and the applied events'
     *         recording times
     */
    Applied applyInTransaction(List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, EventEnvelope> decoder, boolean pastPositions) {
        List<EventEnvelope> envelopes = records.stream().map(decoder).toList();
        projection.beginBatch();
        List<EventEnvelope> handled = envelopes.stream().filter(e -> projection.handles(e.eventType())).toList();
        List<EventEnvelope> toApply = new ArrayList<>(handled.size());
        if (pastPositions) {
            Set<UUID> seen = new HashSet<>();
            List<UUID> eventIds = new ArrayList<>(handled.size());
            for (EventEnvelope envelope : handled) {
                // the same event twice in one batch is applied once
                if (seen.add(envelope.eventId())) {
                    toApply.add(envelope);
                    eventIds.add(envelope.eventId());
                }
            }
            positions.markFresh(consumerName, eventIds);
        } else {
            Set<UUID> fresh = positions.markProcessed(consumerName,
                    handled.stream().map(EventEnvelope::eventId).toList());
            for (EventEnvelope envelope : handled) {
                // remove(): the same event twice in one batch is applied once
                if (fresh.remove(envelope.eventId())) {
                    toApply.add(envelope);
                }
            }
        }
        projection.prepare(toApply);
        List<Instant> recorded = new ArrayList<>(toApply.size());
        for (EventEnvelope envelope : toApply) {
            projection.apply(envelope);
            recorded.add(envelope.recordedAt());
        }
        int skipped = handled.size() - toApply.size();
        projection.flush();
        return new Applied(advances(records, envelopes), recorded, skipped);
    }

    /**
     * Applies records as {@link #applyInTransaction} does, but outside any transaction and assuming none of them was
     * processed before (a rebuild from offset 0, a live channel past its positions): the projection only queues its
     * statements ({@link EventProjection#queuesUntilFlush}), which are taken out of it, so that it can prepare the
     * next batch while this one is sent. {@link Prepared#applyInTransaction} checks the assumption against the
     * processed-event log and refuses the batch if it does not hold.
     */
    Prepared prepare(List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, EventEnvelope> decoder) {
        List<EventEnvelope> envelopes = records.stream().map(decoder).toList();
        projection.beginBatch();
        Set<UUID> seen = new HashSet<>();
        List<UUID> applied = new ArrayList<>();
        List<Instant> recorded = new ArrayList<>();
        int skipped = 0;
        for (EventEnvelope envelope : envelopes) {
            if (!projection.handles(envelope.eventType())) {
                continue;
            }
            // the same event twice in one batch is applied once
            if (seen.add(envelope.eventId())) {
                projection.apply(envelope);
                applied.add(envelope.eventId());
                recorded.add(envelope.recordedAt());
            } else {
                skipped++;
            }
        }
        Runnable statements = projection.detachFlush();
        return new Prepared(this, applied, statements, new Applied(advances(records, envelopes), recorded, skipped));
    }

    /** A batch applied ahead of its transaction: what it sends, and what it records, in that transaction. */
    static final class Prepared {

        private final ProjectionFeed feed;
        private final List<UUID> eventIds;
        private final Runnable statements;
        private final Applied applied;

        private Prepared(ProjectionFeed feed, List<UUID> eventIds, Runnable statements, Applied applied) {
            this.feed = feed;
            this.eventIds = eventIds;
            this.statements = statements;
            this.applied = applied;
        }

        ProjectionFeed feed() {
            return feed;
        }

        /** The positions this batch leaves its partitions at, once committed. */
        Map<TopicPartition, ConsumerPositions.Advance> advances() {
            return applied.advances();
        }

        /**
         * In the caller's transaction: the processed-event log and the statements; the positions are the caller's to
         * write, as {@link ProjectionFeed#applyInTransaction}'s ({@link #advances}). An event already in
         * the log (a duplicate publish across batches, a redelivery) means the statements apply it again: the log's
         * key refuses it and the batch fails, to be applied again as it would have been without preparation.
         */
        Applied applyInTransaction() {
            feed.positions.markFresh(feed.consumerName, eventIds);
            statements.run();
            return applied;
        }
    }

    /** Where a batch leaves each partition: past its last record, with that record's recording time. */
    private Map<TopicPartition, ConsumerPositions.Advance> advances(List<ConsumerRecord<String, byte[]>> records,
            List<EventEnvelope> envelopes) {
        // the records of a partition come together, in order: its last one says where the batch leaves it (a map
        // entry per record was 6 % of the replay worker's samples, bench/JOURNAL.md)
        Map<TopicPartition, ConsumerPositions.Advance> advances = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            ConsumerRecord<String, byte[]> following = i + 1 < records.size() ? records.get(i + 1) : null;
            if (following != null && following.partition() == record.partition()
                    && following.topic().equals(record.topic())) {
                continue;
            }
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            advances.put(partition, new ConsumerPositions.Advance(topicNames.logical(record.topic()),
                    record.partition(), record.offset() + 1, envelopes.get(i).recordedAt()));
        }
        return advances;
    }

    /** Moves past a record sent to the dead-letter topic, noting why, in the caller's transaction. */
    Applied deadLetteredInTransaction(ConsumerRecord<String, byte[]> record, String reason) {
        positions.recordDeadLetter(consumerName, topicNames.logical(record.topic()), record.partition(),
                record.offset(), reason);
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        ConsumerPositions.Advance advance = new ConsumerPositions.Advance(topicNames.logical(record.topic()),
                record.partition(), record.offset() + 1, null);
        positions.advance(consumerName, List.of(advance));
        return new Applied(Map.of(partition, advance), List.of(), 0);
    }

    /** Measured after the commit: from the fact's recording upstream to the moment queries can see it. */
    void committed(Applied result) {
        result.advances().forEach((partition, advance) -> next.merge(partition, advance.nextOffset(), Math::max));
        Instant now = Instant.now();
        long nowSeconds = now.getEpochSecond();
        int nowNanos = now.getNano();
        for (Instant recordedAt : result.recordedAts()) {
            // Duration.between's value without a Duration per event
            applyLatency.record((nowSeconds - recordedAt.getEpochSecond()) * 1_000_000_000L
                    + (nowNanos - recordedAt.getNano()), TimeUnit.NANOSECONDS);
        }
        applied.increment(result.recordedAts().size());
        duplicates.increment(result.duplicates());
    }

    record Applied(Map<TopicPartition, ConsumerPositions.Advance> advances, List<Instant> recordedAts,
            int duplicates) {
    }
}
