package fr.capemploi.platform.outbox;

import fr.capemploi.events.CloudEventHeaders;
import fr.capemploi.platform.config.Backoff;
import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.LatencyBuckets;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.config.TopicNames;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes pending outbox rows in commit order. One relay at a time per database holds a transaction-scoped
 * advisory lock, so several instances of a service never reorder one key's events. A row is marked published
 * only after the broker acknowledged it (acks=all); if the service dies in between, the row is sent again and
 * consumers drop the duplicate by its event id. While the broker is away, rows wait and the relay backs off.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every instance of a service: the relay's leadership lock. */
    private static final long RELAY_LOCK = 0x0C_E9_C9F0_0B0AL;

    private final AgroalDataSource dataSource;
    private final KafkaClients kafkaClients;
    private final TopicNames topicNames;
    private final PlatformConfig.Outbox settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeMillis = new AtomicLong();
    private final Timer publishLag;
    private final Counter published;
    private final Counter failures;
    private final DistributionSummary rounds;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, KafkaClients kafkaClients, TopicNames topicNames,
            PlatformConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.kafkaClients = kafkaClients;
        this.topicNames = topicNames;
        this.settings = config.outbox();
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by the broker").register(registry);
        Gauge.builder("outbox.oldest.pending.age", oldestPendingAgeMillis, v -> v.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox row").register(registry);
        this.publishLag = Timer.builder("outbox.publish.lag")
                .description("From the commit of an event to its acknowledgement by the broker")
                .publishPercentiles(0.5, 0.95, 0.99).serviceLevelObjectives(LatencyBuckets.bounds())
                .register(registry);
        this.rounds = DistributionSummary.builder("outbox.relay.batch.rows")
                .description("Rows published per round of the relay").register(registry);
        this.published = Counter.builder("outbox.published").register(registry);
        this.failures = Counter.builder("outbox.publish.failures").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.relayEnabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Rows were committed: publish them without waiting for the next poll ({@link Outbox}). */
    void wake() {
        wakeUp.release();
    }

    private void run() {
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (running) {
            long waitMillis;
            boolean flowing = false;
            try {
                int sent = publishBatch();
                backoff.reset();
                waitMillis = sent >= settings.batchSize() ? 0 : settings.pollInterval().toMillis();
                flowing = sent > 0 && waitMillis > 0;
            } catch (Exception e) {
                failures.increment();
                waitMillis = backoff.nextDelayMillis();
                LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", e.getMessage(), waitMillis);
                closeProducer();
            }
            try {
                if (flowing) {
                    // rows are flowing: the next commits gather (their wake-ups wait) rather than each having its
                    // round — a transaction of three statements, a producer batch per partition, a wait for the
                    // broker (bench/JOURNAL.md, 2026-12-05 midday)
                    gather();
                }
                pause(waitMillis, !backoff.failing());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        closeProducer();
    }

    private void gather() throws InterruptedException {
        long nanos = settings.gather().toNanos();
        if (nanos > 0 && running) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    /** Waits, cut short by a commit unless the broker is failing: a new row does not bring a broker back. */
    private void pause(long millis, boolean wakeOnCommit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (wakeUp.tryAcquire(left, TimeUnit.NANOSECONDS) && (wakeOnCommit || !running)) {
                wakeUp.drainPermits();
                return;
            }
        }
    }

    /** Publishes one batch of pending rows; returns how many were sent, or throws if the broker failed. */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<PendingRow> rows = loadPendingAsLeader(connection);
                if (rows == null) {
                    connection.rollback();
                    return 0;
                }
                if (rows.isEmpty()) {
                    connection.commit();
                    pending.set(0);
                    oldestPendingAgeMillis.set(0);
                    return 0;
                }
                List<Long> acknowledged = new ArrayList<>(rows.size());
                String error = send(rows, acknowledged);
                markPublished(connection, acknowledged);
                if (error != null) {
                    recordFailure(connection, rows, acknowledged, error);
                }
                // a short batch fully acknowledged means nothing was pending behind it when it was read: counting the backlog again would be one
                // more statement per commit on the write path's database for a gauge that is known to be zero
                if (error == null && rows.size() < settings.batchSize()) {
                    pending.set(0);
                    oldestPendingAgeMillis.set(0);
                } else {
                    refreshGauges(connection);
                }
                connection.commit();
                if (error != null) {
                    throw new IllegalStateException(error);
                }
                return rows.size();
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Takes the leadership lock and reads the pending rows in one statement (they were two round trips, each waiting
     * for a backend on a loaded machine, in every round of the relay).
     *
     * @return the pending rows in commit order, or null when another instance holds the lock
     */
    private List<PendingRow> loadPendingAsLeader(Connection connection) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                WITH leader AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(?) AS held)
                SELECT leader.held, o.id, o.topic, o.record_key, o.envelope, o.recorded_at
                FROM leader LEFT JOIN LATERAL (
                    SELECT id, topic, record_key, envelope, recorded_at FROM outbox_event
                    WHERE leader.held AND published_at IS NULL ORDER BY id LIMIT ?) o ON true
                ORDER BY o.id
                """)) {
            select.setLong(1, RELAY_LOCK);
            select.setInt(2, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        return null;
                    }
                    long id = rs.getLong(2);
                    if (!rs.wasNull()) {
                        rows.add(new PendingRow(id, rs.getString(3), rs.getString(4), rs.getBytes(5),
                                rs.getTimestamp(6).toInstant()));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Sends in commit order and waits for every acknowledgement. The idempotent producer keeps per-partition
     * order across its own retries; the ids of acknowledged rows are collected, the first error returned.
     */
    private String send(List<PendingRow> rows, List<Long> acknowledged) throws InterruptedException {
        KafkaProducer<String, byte[]> client = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        String error = null;
        for (PendingRow row : rows) {
            try {
                futures.add(client.send(row.toRecord(topicNames)));
            } catch (RuntimeException e) {
                error = describe(e);
                break;
            }
        }
        // the whole batch is in the producer's buffers: off it goes now, not after linger.ms — the relay waits for
        // every acknowledgement anyway, so lingering only lengthened each round (and every event's way by as much)
        client.flush();
        Instant now = Instant.now();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
                acknowledged.add(rows.get(i).id());
                publishLag.record(Duration.between(rows.get(i).recordedAt(), now));
            } catch (ExecutionException e) {
                if (error == null) {
                    error = describe(e.getCause());
                }
            }
        }
        published.increment(acknowledged.size());
        rounds.record(acknowledged.size());
        return error;
    }

    private void markPublished(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    private void recordFailure(Connection connection, List<PendingRow> rows, List<Long> acknowledged, String error)
            throws SQLException {
        Set<Long> done = new HashSet<>(acknowledged);
        List<Long> failed = rows.stream().map(PendingRow::id).filter(id -> !done.contains(id)).toList();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")) {
            update.setString(1, error);
            update.setArray(2, connection.createArrayOf("bigint", failed.toArray()));
            update.executeUpdate();
        }
    }

    private void refreshGauges(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*), min(recorded_at) FROM outbox_event WHERE published_at IS NULL");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            pending.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            oldestPendingAgeMillis.set(oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest.getTime()));
        }
    }

    public long pendingCount() {
        return pending.get();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafkaClients.producer("outbox");
        }
        return producer;
    }

    /** After a failure the producer is rebuilt: an idempotent producer may be left fenced or in a fatal state. */
    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("Ignoring error while closing the outbox producer", e);
            }
            producer = null;
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private record PendingRow(long id, String topic, String key, byte[] envelope, Instant recordedAt) {

        ProducerRecord<String, byte[]> toRecord(TopicNames topics) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.physical(topic), key, envelope);
            // the envelope bytes carry the same attributes; headers let tools route without parsing the value
            CloudEventHeaders.of(envelope).forEach((name, value) -> record.headers().add(name, value));
            return record;
        }
    }
}
