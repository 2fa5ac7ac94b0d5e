package fr.capemploi.platform.consumer;

import static fr.capemploi.platform.problem.DatabaseOutage.rootMessage;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.platform.config.Backoff;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.DatabaseOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logging.Logger;

/**
 * What one SmallRye Reactive Messaging channel feeds: a set of projections, each under its own consumer name and
 * with its own positions, all applied in one transaction per polled batch. The channel's Kafka consumer is placed
 * at the lowest position its projections committed; a projection passes over the records it already applied.
 * If a batch fails, each projection retries its share alone, then record by record to isolate a poison record,
 * which goes to the dead-letter topic; while the database is away the feed waits instead of dead-lettering.
 * A pipelined channel ({@link ProjectionChannels#openPipelined}) applies a batch's events (its projections queue
 * their statements) while the previous batch is sent and committed on a thread of its own, see {@link #deliver}.
 */
public final class ProjectionChannel {

    private static final Logger LOG = Logger.getLogger(ProjectionChannel.class);
    private static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;
    /** A record past the expected position after a seek this old is a real hole in the log, not a stale fetch. */
    private static final Duration GAP_PATIENCE = Duration.ofSeconds(10);

    private final String channel;
    private final String groupId;
    private final Set<String> topics;
    private final KafkaClientService kafkaClients;
    private final DeadLetters deadLetters;
    private final ConsumerPositions positions;
    private final DatabaseOutage database;
    private final PlatformConfig.Consumer settings;
    private final Counter deadLettered;
    private final Arrivals arrivals;
    private final Counter retriedAfterFailure;
    private final ReentrantLock applying = new ReentrantLock();
    private final Map<TopicPartition, PendingSeek> pendingSeeks = new ConcurrentHashMap<>();
    /** The envelopes of the batch being delivered, read once (only touched while {@link #applying} is held). */
    private final Map<ConsumerRecord<String, byte[]>, EventEnvelope> decoded = new IdentityHashMap<>();

    /** The thread that sends and commits the prepared batches of a pipelined channel; null: one stage. */
    private final ExecutorService applier;
    /** The batch being sent and committed by {@link #applier} (only touched while {@link #applying} is held). */
    private InFlight inFlight;

    private volatile List<ProjectionFeed> feeds = List.of();
    private volatile boolean running = true;
    /** Only touched on the polling thread: the partitions were paused by this channel for want of feeds. */
    private boolean pausedWhileIdle;

    ProjectionChannel(String channel, String groupId, Set<String> topics, KafkaClientService kafkaClients,
            DeadLetters deadLetters, ConsumerPositions positions, DatabaseOutage database,
            PlatformConfig.Consumer settings, Counter deadLettered, Counter retriedAfterFailure, Arrivals arrivals,
            boolean pipelined) {
        this.channel = channel;
        this.groupId = groupId;
        this.topics = topics;
        this.kafkaClients = kafkaClients;
        this.deadLetters = deadLetters;
        this.positions = positions;
        this.database = database;
        this.settings = settings;
        this.deadLettered = deadLettered;
        this.arrivals = arrivals;
        this.retriedAfterFailure = retriedAfterFailure;
        this.applier = pipelined ? Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, channel + "-apply");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    String groupId() {
        return groupId;
    }

    public List<ProjectionFeed> feeds() {
        return feeds;
    }

    /**
     * Makes the channel feed these projections from now on (none: it idles at the end of its topics). Waits for the
     * batch being applied, then places the consumer at the new projections' positions.
     */
    public void serve(List<ProjectionFeed> next) {
        readable(next);
        applying.lock();
        try {
            settleUninterruptibly();
            feeds = List.copyOf(next);
            pendingSeeks.clear();
            onPollingThread(c -> {
                place(c, c.assignment());
                if (!feeds.isEmpty() && pausedWhileIdle) {
                    pausedWhileIdle = false;
                    c.resume(c.assignment());
                }
            }).await().atMost(Duration.ofSeconds(30));
        } finally {
            applying.unlock();
        }
    }

    /**
     * Runs {@code action} while no batch is being applied, e.g. to hand the projections over to another channel at
     * a known position.
     */
    public <T> T whileHeld(Supplier<T> action) {
        applying.lock();
        try {
            settleUninterruptibly();
            return action.get();
        } finally {
            applying.unlock();
        }
    }

    void open(List<ProjectionFeed> initial) {
        readable(initial);
        feeds = List.copyOf(initial);
    }

    /** An unread topic would only show as figures that never move: refuse a projection the channel cannot feed. */
    private void readable(List<ProjectionFeed> candidates) {
        for (ProjectionFeed feed : candidates) {
            for (String physical : feed.physicalTopics()) {
                if (!topics.contains(physical)) {
                    throw new IllegalStateException("Channel " + channel + " reads " + topics + " but projection "
                            + feed.consumerName() + " needs " + physical);
                }
            }
        }
    }

    void stop() {
        running = false;
        if (applier != null) {
            applier.shutdown();
        }
    }

    /** On the polling thread, when partitions are assigned: seek to the positions stored with the projections. */
    void place(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<ProjectionFeed> current = feeds;
        if (current.isEmpty()) {
            // a channel that feeds nothing (reporting's replay channel between rebuilds) fetched and read every new
            // event only to pass it over: as much work as the live channel's reading, on every event
            // (bench/JOURNAL.md, "Event to indicator"). Paused at the end of its topics until serve() gives it feeds.
            List<TopicPartition> assigned = partitions.stream().filter(consumer.assignment()::contains).toList();
            consumer.seekToEnd(assigned);
            consumer.pause(assigned);
            pausedWhileIdle = true;
            return;
        }
        try {
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            QuarkusTransaction.requiringNew().run(() -> current.forEach(feed -> feed.loadPositions(beginnings, true)));
        } catch (RuntimeException e) {
            // e.g. the database is away: the first batch learns the positions (with back-off) and seeks back to them
            LOG.warnf("Channel %s could not read its positions on assignment (%s); reading them on the first batch",
                    channel, rootMessage(e));
            partitions.forEach(partition -> current.forEach(feed -> feed.forget(partition)));
            return;
        }
        for (TopicPartition partition : partitions) {
            Long lowest = null;
            for (ProjectionFeed feed : current) {
                Long offset = feed.nextOffset(partition);
                if (offset != null && (lowest == null || offset < lowest)) {
                    lowest = offset;
                }
            }
            if (lowest == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, lowest);
            }
        }
    }

    void revoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            feeds.forEach(feed -> feed.forget(partition));
            pendingSeeks.remove(partition);
        }
    }

    /**
     * Applies one polled batch to every projection of the channel. Never throws while the service runs.
     * <p>
     * Pipelined, the batch is selected from the positions the batch in flight will leave, its events applied by the
     * projections (statements queued, not sent), then the batch in flight is waited for, and this one handed to the
     * applying thread, which sends its statements with its processed-event log and positions in one transaction:
     * the next poll is read and applied while it commits, on the other core. A batch in flight that failed is applied
     * again here as any failed batch (projection by projection, then record by record, dead letters, back-off);
     * the batch prepared meanwhile is handed over only if the positions ended where it was selected from, otherwise
     * it is applied here from the positions as they are.
     */
    public void deliver(ConsumerRecords<String, byte[]> records) {
        arrivals.note(records);
        applying.lock();
        try {
            if (applier != null && feeds.stream().allMatch(feed -> feed.projection().queuesUntilFlush())) {
                deliverPipelined(records);
            } else {
                settle();
                applyNow(records);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            // the positions did not move: send the consumer back to them so that the records come again
            LOG.errorf(unexpected, "Channel %s could not apply a batch of %d records", channel, records.count());
            rewind(records.partitions());
        } finally {
            decoded.clear();
            applying.unlock();
        }
    }

    private void deliverPipelined(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> work = selectWaitingForTheDatabase(records,
                inFlight == null ? Map.of() : inFlight.leaves());
        List<ProjectionFeed.Prepared> prepared = null;
        if (!work.isEmpty()) {
            try {
                prepared = prepare(work);
            } catch (RuntimeException failure) {
                // e.g. a record that is not an envelope: applied below as without pipelining, which isolates it
                LOG.debugf(failure, "Channel %s could not prepare a batch of %d records", channel, records.count());
            }
        }
        InFlight previous = inFlight;
        settle();
        if (work.isEmpty()) {
            return;
        }
        if (prepared != null && (previous == null || previous.leftAsPlanned())) {
            inFlight = submit(work, prepared);
            return;
        }
        decoded.clear();
        applyNow(records);
    }

    /** The batch's events applied by each projection, outside any transaction, each record read once. */
    private List<ProjectionFeed.Prepared> prepare(Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> work) {
        Map<ConsumerRecord<String, byte[]>, EventEnvelope> envelopes = new IdentityHashMap<>();
        List<ProjectionFeed.Prepared> prepared = new ArrayList<>(work.size());
        work.forEach((feed, list) -> prepared.add(feed.prepare(list,
                record -> envelopes.computeIfAbsent(record, EnvelopeReadAhead::envelope))));
        return prepared;
    }

    /** Hands a prepared batch to the applying thread: one transaction for every projection's share, as applyNow. */
    private InFlight submit(Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> work,
            List<ProjectionFeed.Prepared> prepared) {
        Future<?> outcome = applier.submit(() -> {
            Map<ProjectionFeed, ProjectionFeed.Applied> results;
            try {
                results = inProjectionTransaction(() -> {
                    Map<ProjectionFeed, ProjectionFeed.Applied> applied = new LinkedHashMap<>();
                    prepared.forEach(share -> applied.put(share.feed(), share.applyInTransaction()));
                    prepared.forEach(share -> share.feed().projection().completeBatch());
                    return applied;
                });
            } catch (RuntimeException failure) {
                // applied again by the worker at its next batch (settle); the records are sent again so that there
                // is one even when nothing new is published
                rewind(work.values().stream().flatMap(List::stream)
                        .map(r -> new TopicPartition(r.topic(), r.partition())).distinct().toList());
                throw failure;
            }
            results.forEach(ProjectionFeed::committed);
        });
        return new InFlight(work, prepared, outcome);
    }

    /**
     * Waits for the batch in flight; if it failed, applies it again here, as a failed batch is (projection by
     * projection, then record by record: nothing of it was committed).
     */
    private void settle() throws InterruptedException {
        InFlight previous = inFlight;
        if (previous == null) {
            return;
        }
        inFlight = null;
        try {
            previous.outcome().get();
        } catch (ExecutionException failed) {
            LOG.debugf(failed.getCause(), "Batch in flight failed on channel %s; applying projection by projection",
                    channel);
            retriedAfterFailure.increment();
            try {
                for (Map.Entry<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> entry : previous.work()
                        .entrySet()) {
                    applyAlone(entry.getKey(), entry.getValue());
                }
            } finally {
                decoded.clear();
            }
        }
    }

    /** {@link #settle} where the caller cannot be interrupted: the interruption is kept for the thread's owner. */
    private void settleUninterruptibly() {
        try {
            settle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The batch sent and committed by the applying thread while the next one is prepared. */
    private record InFlight(Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> work,
            List<ProjectionFeed.Prepared> prepared, Future<?> outcome) {

        /** Per projection and partition, the position the batch leaves once committed. */
        Map<ProjectionFeed, Map<TopicPartition, ConsumerPositions.Advance>> leaves() {
            Map<ProjectionFeed, Map<TopicPartition, ConsumerPositions.Advance>> leaves = new IdentityHashMap<>();
            prepared.forEach(share -> leaves.put(share.feed(), share.advances()));
            return leaves;
        }

        /** Whether each projection's positions are now where the batch was to leave them. */
        boolean leftAsPlanned() {
            return prepared.stream().allMatch(share -> share.advances().entrySet().stream()
                    .allMatch(e -> Long.valueOf(e.getValue().nextOffset()).equals(share.feed().nextOffset(e.getKey()))));
        }
    }

    /** One stage: the batch applied in one transaction for all the projections, then the fallbacks if it fails. */
    private void applyNow(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> work = selectWaitingForTheDatabase(records,
                Map.of());
        if (work.isEmpty()) {
            return;
        }
        try {
            Map<ProjectionFeed, ProjectionFeed.Applied> results = inProjectionTransaction(() -> {
                Map<ProjectionFeed, ProjectionFeed.Applied> applied = new LinkedHashMap<>();
                // every record selected is past its projection's stored position: logged by a plain insert, a
                // duplicate publish failing the batch into the fallbacks below, which filter set-wise
                work.forEach((feed, list) -> applied.put(feed, feed.applyInTransaction(list, this::envelope, true)));
                work.keySet().forEach(feed -> feed.projection().completeBatch());
                return applied;
            });
            results.forEach(ProjectionFeed::committed);
        } catch (RuntimeException batchFailure) {
            LOG.debugf(batchFailure, "Batch of %d failed on channel %s; applying projection by projection",
                    records.count(), channel);
            retriedAfterFailure.increment();
            for (Map.Entry<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> entry : work.entrySet()) {
                applyAlone(entry.getKey(), entry.getValue());
            }
        }
    }

    /**
     * A record read once per batch for all the channel's projections (reading the JSON was half of a rebuild's CPU
     * in the service, and two projections read {@code beneficiary.events}), in one pass: its payload straight into
     * its event's record, no tree ({@code EventCodec.decode}), possibly already read on the polling thread
     * ({@link EnvelopeReadAhead}). A record that is not an envelope is not kept: it fails again for each projection,
     * which dead-letters it.
     */
    private EventEnvelope envelope(ConsumerRecord<String, byte[]> record) {
        return decoded.computeIfAbsent(record, EnvelopeReadAhead::envelope);
    }

    /** {@link #select}, the positions read with back-off while the database is away. */
    private Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> selectWaitingForTheDatabase(
            ConsumerRecords<String, byte[]> records,
            Map<ProjectionFeed, Map<TopicPartition, ConsumerPositions.Advance>> ahead) throws InterruptedException {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (running) {
            try {
                return select(records, ahead);
            } catch (RuntimeException e) {
                long delay = backoff.nextDelayMillis();
                LOG.warnf("Channel %s could not read its positions (%s); retrying in %d ms", channel, rootMessage(e),
                        delay);
                Thread.sleep(delay);
            }
        }
        throw new InterruptedException("stopping");
    }

    /**
     * Keeps, per projection, the records at or after its position, in order. A record beyond the position (records
     * fetched before the consumer was placed elsewhere) is left out and the consumer is sent back to the position.
     * {@code ahead}: the positions a batch in flight leaves, where they are beyond the committed ones.
     */
    private Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> select(ConsumerRecords<String, byte[]> records,
            Map<ProjectionFeed, Map<TopicPartition, ConsumerPositions.Advance>> ahead) {
        loadMissingPositions(records.partitions());
        Map<ProjectionFeed, List<ConsumerRecord<String, byte[]>>> work = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ProjectionFeed feed : feeds) {
                if (!feed.reads(partition.topic())) {
                    continue;
                }
                Long expected = feed.nextOffset(partition);
                if (expected == null) {
                    continue;
                }
                ConsumerPositions.Advance inFlight = ahead.getOrDefault(feed, Map.of()).get(partition);
                if (inFlight != null && inFlight.nextOffset() > expected) {
                    expected = inFlight.nextOffset();
                }
                long position = expected;
                List<ConsumerRecord<String, byte[]>> selected = null;
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() < position) {
                        continue;
                    }
                    if (record.offset() > position && !holeInTheLog(partition, position, record.offset())) {
                        break;
                    }
                    if (selected == null) {
                        selected = work.computeIfAbsent(feed, f -> new ArrayList<>());
                    }
                    selected.add(record);
                    position = record.offset() + 1;
                }
                if (position > expected) {
                    pendingSeeks.remove(partition);
                }
            }
        }
        return work;
    }

    /**
     * Records may come before the channel learnt its positions (the consumer bean is created on first use, possibly
     * after the assignment): the positions are then read here, and a record beyond them sends the consumer back.
     */
    private void loadMissingPositions(Collection<TopicPartition> partitions) {
        List<TopicPartition> missing = partitions.stream()
                .filter(p -> feeds.stream().anyMatch(f -> f.reads(p.topic()) && f.nextOffset(p) == null)).toList();
        if (missing.isEmpty()) {
            return;
        }
        KafkaConsumer<Object, Object> consumer = kafkaClients.getConsumer(channel);
        Map<TopicPartition, Long> beginnings = consumer.runOnPollingThread(
                (Function<Consumer<Object, Object>, Map<TopicPartition, Long>>) c -> c.beginningOffsets(missing))
                .await().atMost(Duration.ofSeconds(30));
        QuarkusTransaction.requiringNew().run(() -> feeds.forEach(feed -> feed.loadPositions(beginnings, false)));
    }

    private void rewind(Collection<TopicPartition> partitions) {
        onPollingThread(c -> place(c, partitions)).subscribe().with(ignored -> {
        }, failure -> LOG.warnf("Channel %s could not rewind: %s", channel, failure.getMessage()));
    }

    /** @return true once a seek back to {@code expected} has not brought it: the log really has no such offset */
    private boolean holeInTheLog(TopicPartition partition, long expected, long found) {
        PendingSeek pending = pendingSeeks.get(partition);
        if (pending != null && pending.offset() == expected) {
            if (System.nanoTime() - pending.requestedAt() > GAP_PATIENCE.toNanos()) {
                LOG.warnf("Channel %s: offset %d of %s is not in the log; continuing at %d", channel, expected,
                        partition, found);
                pendingSeeks.remove(partition);
                return true;
            }
            return false;
        }
        pendingSeeks.put(partition, new PendingSeek(expected, System.nanoTime()));
        onPollingThread(c -> c.seek(partition, expected)).subscribe().with(ignored -> {
        }, failure -> LOG.warnf("Channel %s could not seek %s to %d: %s", channel, partition, expected,
                failure.getMessage()));
        return false;
    }

    private void applyAlone(ProjectionFeed feed, List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException {
        try {
            inProjectionTransaction(() -> alone(feed, records)).forEach(ProjectionFeed::committed);
            return;
        } catch (RuntimeException failure) {
            LOG.debugf(failure, "Batch of %d failed in %s; applying one by one", records.size(), feed.consumerName());
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            applyOne(feed, record);
        }
    }

    private Map<ProjectionFeed, ProjectionFeed.Applied> alone(ProjectionFeed feed,
            List<ConsumerRecord<String, byte[]>> records) {
        ProjectionFeed.Applied applied = feed.applyInTransaction(records, this::envelope, false);
        feed.projection().completeBatch();
        return Map.of(feed, applied);
    }

    private void applyOne(ProjectionFeed feed, ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        int attempts = 0;
        while (running) {
            try {
                inProjectionTransaction(() -> alone(feed, List.of(record))).forEach(ProjectionFeed::committed);
                return;
            } catch (MalformedEventException poison) {
                deadLetter(feed, record, poison.getMessage());
                return;
            } catch (RuntimeException failure) {
                // a lost connection says nothing about the record: if the database came back between the attempts,
                // the reachability check below would otherwise dead-letter a good record (a restart of ~1 s did);
                // nor does a deadlock with another instance updating the same pre-aggregate rows
                if (!DatabaseOutage.isUnavailable(failure) && !DatabaseOutage.isTransactionConflict(failure)) {
                    attempts++;
                }
                if (attempts >= ATTEMPTS_BEFORE_DEAD_LETTER && database.reachable()) {
                    deadLetter(feed, record, "projection failed " + attempts + " times: " + rootMessage(failure));
                    return;
                }
                long delay = backoff.nextDelayMillis();
                LOG.warnf("Projection %s could not apply %s-%d@%d (%s); retrying in %d ms", feed.consumerName(),
                        record.topic(), record.partition(), record.offset(), rootMessage(failure), delay);
                Thread.sleep(delay);
            }
        }
        throw new InterruptedException("stopping");
    }

    private void deadLetter(ProjectionFeed feed, ConsumerRecord<String, byte[]> record, String reason)
            throws InterruptedException {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (running) {
            try {
                deadLetters.send(feed.consumerName(), record, reason);
                feed.committed(QuarkusTransaction.requiringNew()
                        .call(() -> feed.deadLetteredInTransaction(record, reason)));
                deadLettered.increment();
                LOG.errorf("Projection %s sent %s-%d@%d to the dead-letter topic: %s", feed.consumerName(),
                        record.topic(), record.partition(), record.offset(), reason);
                return;
            } catch (Exception e) {
                long delay = backoff.nextDelayMillis();
                LOG.warnf("Projection %s could not dead-letter a record (%s); retrying in %d ms", feed.consumerName(),
                        rootMessage(e), delay);
                Thread.sleep(delay);
            }
        }
        throw new InterruptedException("stopping");
    }

    /**
     * Runs {@code work} in a transaction of its own and writes there, last, where it leaves each projection's
     * partitions. A projection is derived from the topics and its positions commit with it: if the server loses the
     * last commits in a crash, it loses them whole (projection change and position together) and they are applied
     * again from the topics. So its transactions need not wait for their WAL flush, which is most of a small batch's
     * cost; the positions' one statement says so ({@link ConsumerPositions#advanceRelaxed}), rather than a statement
     * of its own and one per projection: three round trips of a directory's batch of two projections become one.
     */
    private Map<ProjectionFeed, ProjectionFeed.Applied> inProjectionTransaction(
            Supplier<Map<ProjectionFeed, ProjectionFeed.Applied>> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<ProjectionFeed, ProjectionFeed.Applied> applied = work.get();
            Map<String, Collection<ConsumerPositions.Advance>> advances = new LinkedHashMap<>();
            applied.forEach((feed, result) -> advances.put(feed.consumerName(), result.advances().values()));
            positions.advanceRelaxed(advances);
            return applied;
        });
    }

    /** Runs an action on the channel's Kafka consumer, on its polling thread (the only one allowed to touch it). */
    private Uni<Void> onPollingThread(java.util.function.Consumer<Consumer<Object, Object>> action) {
        KafkaConsumer<Object, Object> consumer = kafkaClients.getConsumer(channel);
        return consumer == null ? Uni.createFrom().voidItem() : consumer.runOnPollingThread(action);
    }

    private record PendingSeek(long offset, long requestedAt) {
    }

    /**
     * How batches arrive: their sizes, and how long each record waited between its producer's send (the relay's, for
     * our topics) and the start of its batch's apply — fetch, the library's queue, the previous batch. With the relay's
     * and the projections' timers it tells where an event waits on its way to a projection (bench/JOURNAL.md).
     */
    record Arrivals(DistributionSummary batchRecords, Timer deliveryWait) {

        void note(ConsumerRecords<String, byte[]> records) {
            batchRecords.record(records.count());
            long now = System.currentTimeMillis();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.timestampType() == TimestampType.CREATE_TIME && record.timestamp() > 0) {
                    deliveryWait.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
                }
            }
        }
    }
}
