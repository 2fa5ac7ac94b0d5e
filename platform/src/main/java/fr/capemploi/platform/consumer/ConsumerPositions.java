package fr.capemploi.platform.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The consumers' bookkeeping tables, written in the transaction of the projection change; apart from it only a
 * consumer's registration ahead of its first batch ({@link #registerAhead}) and the drop of a retired consumer's log
 * ({@link #dropUnregisteredLogs}, outside any transaction).
 */
@ApplicationScoped
public class ConsumerPositions {

    private static final Logger LOG = Logger.getLogger(ConsumerPositions.class);

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;

    public ConsumerPositions(EntityManager entityManager, AgroalDataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
    }

    /**
     * The log's rows of a batch: one per id, under the consumer's number ({@code event_consumer}, V0_7), found by name
     * in the statement itself. A consumer not registered yet gives no row; {@link #register} then registers it and the
     * statement runs again, in the same transaction: a registration rolled back with its batch leaves no number behind
     * that a later batch could log under while another instance registers the name anew. The name is looked up once
     * (a materialised CTE), never once per id.
     */
    private static final String LOG_ROWS = "WITH c AS MATERIALIZED (SELECT id FROM event_consumer WHERE name = ?)"
            + " INSERT INTO processed_event (consumer_id, event_id) SELECT c.id, e FROM c, unnest(?) e";

    /**
     * Records the events of a batch as processed by this consumer, in one statement.
     *
     * @return the ids not seen before by this consumer (a redelivery or a duplicate publish is left out)
     */
    public Set<UUID> markProcessed(String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> fresh = logNew(connection, consumer, eventIds);
            // none new: every id was logged before, or the consumer had no number yet (its first batch). Asked again
            // whatever the registration found: another instance may have committed the name since the insert
            if (fresh.isEmpty()) {
                register(connection, consumer);
                fresh = logNew(connection, consumer, eventIds);
            }
            return fresh;
        });
    }

    private static Set<UUID> logNew(Connection connection, String consumer, List<UUID> eventIds) throws SQLException {
        Set<UUID> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                LOG_ROWS + " ON CONFLICT DO NOTHING RETURNING event_id")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return fresh;
    }

    /**
     * Records the events of a batch as processed by this consumer, in one statement, when none of them can have been
     * processed before (a batch past the consumer's stored positions: a rebuild from offset 0, a live channel's batch
     * applied in one transaction, a batch prepared ahead of its transaction). A plain insert: the log's key refuses an
     * event already in it (a duplicate publish at another offset), failing the transaction, which is then applied
     * again the usual way ({@link #markProcessed}). {@code ON CONFLICT DO NOTHING RETURNING} looked each id up in the
     * key before inserting it and sent every id back: 12-25 % of a rebuild's statement time for rows the rebuild's
     * fresh consumer never had, ~9-10 blocks a row on the live channel against ~5-6 (bench/JOURNAL.md).
     */
    public void markFresh(String consumer, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try {
                if (logAll(connection, consumer, eventIds) == 0) {
                    register(connection, consumer);
                    if (logAll(connection, consumer, eventIds) == 0) {
                        throw new IllegalStateException("consumer " + consumer + " has no number to log under");
                    }
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // an expected turn (the batch is applied again the usual way), not an error to log as one
                    throw new AlreadyProcessed(consumer);
                }
                throw e;
            }
        });
    }

    private static int logAll(Connection connection, String consumer, List<UUID> eventIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(LOG_ROWS)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
            return insert.executeUpdate();
        }
    }

    /**
     * Gives the consumer its number and its log's partition (V0_9: {@code register_event_consumer}), in the caller's
     * transaction, unless it has them. Another instance registering the same name makes this wait for its commit (then
     * keeps its number and partition) or its rollback (then registers it here). The partition is attached, which holds
     * a lock on the log's table that no other consumer's insert waits for, but that another registration does, until
     * this transaction ends: a batch registering its consumer makes another first batch wait for its commit.
     */
    private static void register(Connection connection, String consumer) throws SQLException {
        try (PreparedStatement register = connection.prepareStatement("SELECT register_event_consumer(?)")) {
            register.setString(1, consumer);
            register.execute();
        }
    }

    /**
     * Registers these consumers now, in the caller's transaction, rather than in their first batches: a service that
     * knows the consumers it will feed (reporting-service, a next generation's) makes their partitions out of any
     * batch, so that no batch holds the registration's lock ({@link #register}). Those registered already are left
     * as they are.
     */
    public void registerAhead(Collection<String> consumers) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (String consumer : consumers) {
                register(connection, consumer);
            }
        });
    }

    /**
     * Drops the log of every consumer whose number is no longer registered (its {@code event_consumer} row deleted, as
     * reporting-service's retirement of a generation does in its transaction): each such partition is detached
     * {@code CONCURRENTLY} — no insert of the other consumers waits for that, where a {@code DROP} of an attached
     * partition would lock the whole log until its transaction ends (V0_9) —, then dropped, a table of its own by
     * then, with all its rows at once: no row deleted one by one, no dead tuple for vacuum. A partition left pending
     * by a detach that was interrupted is finished ({@code FINALIZE}); one left detached is dropped. A detach waits for
     * the transactions that are using the log to end, so this must run outside any transaction (refused otherwise: one
     * that had logged would wait for itself); a partition another instance detaches meanwhile is passed over.
     *
     * @return the partitions dropped
     */
    public List<String> dropUnregisteredLogs() throws SQLException {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("A consumer's log is detached outside any transaction");
        }
        List<String> dropped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Map<String, Boolean> unregistered = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(UNREGISTERED_LOGS);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    unregistered.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getBoolean(2));
                }
            }
            for (Map.Entry<String, Boolean> log : unregistered.entrySet()) {
                String table = log.getKey();
                try (Statement statement = connection.createStatement()) {
                    if (log.getValue() != null) {
                        statement.execute("ALTER TABLE processed_event DETACH PARTITION " + table
                                + (log.getValue() ? " FINALIZE" : " CONCURRENTLY"));
                    }
                    statement.execute("DROP TABLE IF EXISTS " + table);
                    dropped.add(table);
                } catch (SQLException e) {
                    // detached and dropped by another instance meanwhile, or the database away: the next call sees
                    LOG.debugf("The log %s was not dropped here: %s", table, e.getMessage());
                }
            }
        }
        return dropped;
    }

    /**
     * The logs of numbers no consumer has, by table, with whether each is still attached pending a detach (null: not
     * attached). The tables are V0_9's {@code processed_event_<number>}, in the log's own schema.
     */
    private static final String UNREGISTERED_LOGS = """
            SELECT c.relname, i.inhdetachpending FROM pg_class c
            LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND i.inhparent = 'processed_event'::regclass
            WHERE c.relkind = 'r' AND c.relnamespace = (SELECT relnamespace FROM pg_class
                                                        WHERE oid = 'processed_event'::regclass)
              AND c.relname ~ '^processed_event_[0-9]+$'
              AND NOT EXISTS (SELECT 1 FROM event_consumer e WHERE e.id = substring(c.relname FROM 17)::integer)
            ORDER BY c.relname""";

    private static final String UNIQUE_VIOLATION = "23505";

    /** A batch prepared as new held events this consumer had already processed: it is applied again the usual way. */
    static final class AlreadyProcessed extends RuntimeException {
        AlreadyProcessed(String consumer) {
            super("events of the batch were already processed by " + consumer, null, false, false);
        }
    }

    /**
     * For this transaction only: commit without waiting for the WAL flush. For transactions that only derive state from
     * what is already committed, so that a crash losing their commit loses them whole and they are done again
     * (ProjectionChannel#inProjectionTransaction; a pre-aggregate fold apart from the batches).
     */
    public void relaxDurability() {
        entityManager.unwrap(Session.class).doWork(ConsumerPositions::relaxDurability);
    }

    private static void relaxDurability(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit = off");
        }
    }

    /** Where a batch leaves one partition: its next offset, and the recording time of its last applied event. */
    public record Advance(String topic, int partition, long nextOffset, Instant lastEventAt) {
    }

    /**
     * The positions of every projection a transaction applied, moved forward in one statement that also lets the
     * transaction commit without waiting for its WAL flush ({@link #relaxDurability}'s reason): a live batch's
     * bookkeeping was a {@code SET LOCAL} and one upsert per projection, each a round trip — on this machine a system
     * call and a wake-up at each end, per batch of the directories' feeds, which apply a few beneficiary events a
     * batch (bench/JOURNAL.md, "The demo's kernel entries"). The setting is made in a materialised CTE the insert reads
     * (a one-row cross join): evaluated once, before any row is written. Call it last in the transaction, as a batch
     * of the projection channels does, only for transactions {@link #relaxDurability} is meant for.
     *
     * @param advances per consumer name, where its batch leaves each partition (a consumer's partitions once each)
     */
    public void advanceRelaxed(Map<String, ? extends Collection<Advance>> advances) {
        writePositions(advances, true);
    }

    /**
     * Moves each partition of the batch forward once, in a transaction that keeps its durability (a dead letter's);
     * a position never goes back, whatever order commits come in.
     */
    public void advance(String consumer, Collection<Advance> advances) {
        if (!advances.isEmpty()) {
            writePositions(Map.of(consumer, advances), false);
        }
    }

    private static final String POSITIONS_UPSERT = """
            INSERT INTO consumer_offset (consumer, topic, kafka_partition, next_offset, last_event_at, updated_at)
            SELECT a.consumer, a.topic, a.kafka_partition, a.next_offset, a.last_event_at::timestamptz, now()
            FROM %s unnest(?::text[], ?::text[], ?::integer[], ?::bigint[], ?::text[])
                AS a(consumer, topic, kafka_partition, next_offset, last_event_at)
            ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE
            SET next_offset = GREATEST(consumer_offset.next_offset, EXCLUDED.next_offset),
                last_event_at = COALESCE(EXCLUDED.last_event_at, consumer_offset.last_event_at),
                updated_at = now()
            """;

    /** One upsert of every position, with {@code relaxed} the transaction's commit without its WAL flush. */
    private void writePositions(Map<String, ? extends Collection<Advance>> advances, boolean relaxed) {
        List<String> consumers = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<String> lastEvents = new ArrayList<>();
        advances.forEach((consumer, list) -> list.forEach(advance -> {
            consumers.add(consumer);
            topics.add(advance.topic());
            partitions.add(advance.partition());
            offsets.add(advance.nextOffset());
            // an instant's ISO text, read back by PostgreSQL as a timestamptz whatever the session's time zone
            lastEvents.add(advance.lastEventAt() == null ? null : advance.lastEventAt().toString());
        }));
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (consumers.isEmpty()) {
                if (relaxed) {
                    relaxDurability(connection);
                }
                return;
            }
            String statement = relaxed
                    ? "WITH relaxed AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))\n"
                            + POSITIONS_UPSERT.formatted("relaxed,")
                    : POSITIONS_UPSERT.formatted("");
            try (PreparedStatement upsert = connection.prepareStatement(statement)) {
                upsert.setArray(1, connection.createArrayOf("text", consumers.toArray()));
                upsert.setArray(2, connection.createArrayOf("text", topics.toArray()));
                upsert.setArray(3, connection.createArrayOf("integer", partitions.toArray()));
                upsert.setArray(4, connection.createArrayOf("bigint", offsets.toArray()));
                upsert.setArray(5, connection.createArrayOf("text", lastEvents.toArray()));
                upsert.executeUpdate();
            }
        });
    }

    public void recordDeadLetter(String consumer, String topic, int partition, long offset, String reason) {
        entityManager.createNativeQuery("""
                INSERT INTO dead_lettered_event (consumer, topic, kafka_partition, kafka_offset, reason)
                VALUES (?1, ?2, ?3, ?4, ?5)
                """)
                .setParameter(1, consumer)
                .setParameter(2, topic)
                .setParameter(3, partition)
                .setParameter(4, offset)
                .setParameter(5, reason)
                .executeUpdate();
    }

    /**
     * The positions of several consumers, by consumer, topic and partition, in one statement: a status or a rebuild's
     * watcher looks at eight consumers' positions several times a second, and one transaction and statement per
     * consumer and topic was most of what each look cost the service and PostgreSQL.
     */
    public Map<String, Map<String, Map<Integer, Position>>> positions(Collection<String> consumers) {
        Map<String, Map<String, Map<Integer, Position>>> positions = new HashMap<>();
        if (consumers.isEmpty()) {
            return positions;
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT consumer, topic, kafka_partition, next_offset, last_event_at FROM consumer_offset
                    WHERE consumer = ANY (?)
                    """)) {
                select.setArray(1, connection.createArrayOf("text", consumers.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        positions.computeIfAbsent(rs.getString(1), c -> new HashMap<>())
                                .computeIfAbsent(rs.getString(2), t -> new HashMap<>())
                                .put(rs.getInt(3), new Position(rs.getLong(4), toInstant(rs.getTimestamp(5))));
                    }
                }
            }
            return positions;
        });
    }

    private static Instant toInstant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    public record Position(long nextOffset, Instant lastEventAt) {
    }
}
