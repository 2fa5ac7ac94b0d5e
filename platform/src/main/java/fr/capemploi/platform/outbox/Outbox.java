package fr.capemploi.platform.outbox;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.repository.Commits;
import jakarta.enterprise.context.ApplicationScoped;
import io.agroal.api.AgroalDataSource;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The only way a service publishes: the event row is written by the caller's transaction, so it exists if and
 * only if the state change it describes was committed. The {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String COLUMNS = "outbox_event (event_id, topic, record_key, event_type, envelope, recorded_at)";
    private static final String INSERT = "INSERT INTO " + COLUMNS + " VALUES (?, ?, ?, ?, ?, ?)";

    /** Marks a transaction that already wakes the relay at its commit. */
    private static final Object WAKES_RELAY = new Object();
    /** The rows a transaction holds back until the statement that ends its use case ({@link #holdRows}). */
    private static final Object HELD_ROWS = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            Clock clock, PlatformConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
        this.source = config.serviceName();
    }

    /**
     * Records an event in the current transaction; there must be one, or the event could outlive a rolled-back
     * change.
     *
     * @param occurredAt business time of the fact (the day of the contact, of the decision...)
     * @return the event's id
     */
    public UUID record(DomainEvent event, Instant occurredAt) {
        return write(null, event, occurredAt);
    }

    /**
     * A row of the use case's own written by the same statement as its event's row: the state change and the event
     * reach the database in one round trip (a write that is one new row and its event: a level-1 contact). Its
     * statement runs first, in the same transaction.
     */
    public interface CompanionRow {

        /** One data-modifying statement (an {@code INSERT}) with {@code ?} parameters. */
        String statement();

        /** Binds the statement's parameters from index 1; returns the next free index. */
        int bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * As {@link #record(DomainEvent, Instant)}, with {@code row} written by the same statement: both rows or neither.
     * Called outside any transaction, the statement is the whole write and commits on its own (a write that is one
     * new row and its event needs no more); inside one, it is part of it.
     *
     * @return the event's id
     */
    public UUID record(CompanionRow row, DomainEvent event, Instant occurredAt) {
        return write(row, event, occurredAt);
    }

    /**
     * From now until {@link #releaseHeldRows}, the current transaction's rows (events, and a companion row) are not
     * written as they are recorded but held, to be written by the statement that ends the use case
     * ({@link HeldRows#with}): an {@code Idempotency-Key}'s answer, kept in the same transaction, then writes them in
     * its own round trip instead of one each (bench/JOURNAL.md, 2026-12-07). Nothing of the use case reads them back: the
     * outbox is the relay's.
     */
    public void holdRows() {
        transactions.putResource(HELD_ROWS, new HeldRows());
    }

    /** The rows held since {@link #holdRows}, to be written now; later records of the transaction write at once. */
    public HeldRows releaseHeldRows() {
        HeldRows held = (HeldRows) transactions.getResource(HELD_ROWS);
        if (held == null) {
            return new HeldRows();
        }
        held.released = true;
        return held;
    }

    /** Rows of the transaction held back: a companion row at most, and events in the order they were recorded. */
    public static final class HeldRows {

        private CompanionRow companion;
        private final List<EventRow> events = new ArrayList<>(2);
        private boolean released;

        private HeldRows() {
        }

        private boolean holds(CompanionRow row) {
            // one companion row at most: its parameters are bound from index 1 (CompanionRow#bind)
            return row == null || companion == null;
        }

        public boolean isEmpty() {
            return companion == null && events.isEmpty();
        }

        /**
         * The {@code WITH} clause that writes the held rows, to precede one statement of the transaction (its
         * parameters then follow theirs, from {@link #bind}'s answer); empty when nothing is held. A data-modifying
         * {@code WITH} runs whole whatever the statement after it reads, in the same snapshot, atomically with it.
         */
        public String with() {
            if (isEmpty()) {
                return "";
            }
            StringBuilder sql = new StringBuilder("WITH ");
            if (companion != null) {
                sql.append("held_companion AS (").append(companion.statement()).append(")");
            }
            if (!events.isEmpty()) {
                sql.append(companion != null ? ", " : "").append("held_events AS (INSERT INTO ").append(COLUMNS)
                        .append(" VALUES ");
                for (int i = 0; i < events.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
                }
                sql.append(")");
            }
            return sql.append(' ').toString();
        }

        /** Binds the held rows' parameters from index 1; returns the next free index. */
        public int bind(PreparedStatement statement) throws SQLException {
            int next = companion == null ? 1 : companion.bind(statement);
            for (EventRow event : events) {
                next = event.bind(statement, next);
            }
            return next;
        }
    }

    private UUID write(CompanionRow row, DomainEvent event, Instant occurredAt) {
        // what @Transactional(MANDATORY) checked, without a second transactional interceptor around every write (its
        // proxy, its look-ups of the transaction and of the method's annotations): the caller's own is enough.
        // A companion row is the exception: the change and its event are one statement, which PostgreSQL runs
        // atomically in a transaction of its own when the connection is in autocommit (a pool connection outside a
        // JTA transaction): both rows or neither, as under @Transactional, at the same isolation (read committed),
        // without the transaction manager's begin, enlistment, synchronizations and commit, and without the COMMIT's
        // own round trip (bench/JOURNAL.md, "Write path", 2026-12-05 evening)
        boolean joined = transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        if (!joined && row == null) {
            throw new TransactionalException("An event is recorded in the transaction of the change it describes",
                    new TransactionRequiredException());
        }
        EventCodec.Encoded envelope = EventCodec.encode(event, occurredAt, source, clock);
        String topic = EventCatalog.metadata(event.getClass()).topic();
        // one plain insert on the transaction's connection: persisting an entity with a database-generated key made
        // Hibernate flush the request's other inserts and read the key back, the largest part of a write's CPU on
        // the request thread (bench/JOURNAL.md, "Write path"); the row is never read back as an entity. A companion
        // row rides in a data-modifying WITH: one statement, one round trip, one server-side prepared plan.
        // The connection comes from the pool, not from a Hibernate session: inside a JTA transaction the pool hands
        // out the connection already enlisted in it (the one Hibernate uses, if the use case used it), so the row is
        // still written by the caller's transaction; a write that touches no entity (a new level-1 contact) then
        // opens no session, and has none to flush and close at its commit (bench/JOURNAL.md, 2026-12-05 midday)
        EventRow values = new EventRow(envelope.eventId(), topic, event.recordKey().toString(), envelope.eventType(),
                envelope.bytes(), envelope.recordedAt().atOffset(ZoneOffset.UTC));
        HeldRows held = joined ? (HeldRows) transactions.getResource(HELD_ROWS) : null;
        if (held != null && !held.released) {
            if (held.holds(row)) {
                if (row != null) {
                    held.companion = row;
                }
                held.events.add(values);
                wakeRelayAtCommit();
                return envelope.eventId();
            }
            // a second companion row: what is held is written first, so that the rows keep the order recorded
            writeHeld(held);
        }
        String sql = row == null ? INSERT : "WITH companion AS (" + row.statement() + ") " + INSERT;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            values.bind(insert, row == null ? 1 : row.bind(insert));
            insert.executeUpdate();
        } catch (SQLException e) {
            // a PersistenceException as from a session's statement: the problem mappers and the outage check (which
            // reads the SQL state of the causes) see what they saw before
            throw new PersistenceException("Could not write the outbox row of " + event.getClass().getSimpleName(), e);
        }
        if (joined) {
            wakeRelayAtCommit();
        } else {
            // the statement has committed
            relay.wake();
        }
        return envelope.eventId();
    }

    /** Writes the rows held so far, and holds no more in this transaction. */
    private void writeHeld(HeldRows held) {
        held.released = true;
        if (held.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(held.with() + "SELECT 1")) {
            held.bind(insert);
            insert.execute();
        } catch (SQLException e) {
            throw new PersistenceException("Could not write the outbox rows held", e);
        }
        held.companion = null;
        held.events.clear();
    }

    /** An outbox row's values, in {@link #COLUMNS}' order, written at once or held for a later statement. */
    private record EventRow(UUID eventId, String topic, String recordKey, String eventType, byte[] envelope,
            OffsetDateTime recordedAt) {

        /** Binds the row's parameters from index {@code from}; returns the next free index. */
        int bind(PreparedStatement insert, int from) throws SQLException {
            insert.setObject(from, eventId);
            insert.setString(from + 1, topic);
            insert.setString(from + 2, recordKey);
            insert.setString(from + 3, eventType);
            insert.setBytes(from + 4, envelope);
            insert.setObject(from + 5, recordedAt);
            return from + 6;
        }
    }

    /**
     * The relay publishes the rows as soon as their transaction commits, without waiting for its next poll. One
     * synchronization per transaction however many rows it writes (a transactional CDI event registered one per row,
     * through the container's event machinery, on every write).
     */
    private void wakeRelayAtCommit() {
        if (transactions.getResource(WAKES_RELAY) != null) {
            return;
        }
        transactions.putResource(WAKES_RELAY, Boolean.TRUE);
        Commits.afterCommit(transactions, relay::wake);
    }
}
