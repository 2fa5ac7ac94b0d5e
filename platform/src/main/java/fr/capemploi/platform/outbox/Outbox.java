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
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The only way a service publishes: the event row is written by the caller's transaction, so it exists if and
 * only if the state change it describes was committed. The {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, record_key, event_type, envelope, "
            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)";

    /** Marks a transaction that already wakes the relay at its commit. */
    private static final Object WAKES_RELAY = new Object();

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

    private UUID write(CompanionRow row, DomainEvent event, Instant occurredAt) {
        // what @Transactional(MANDATORY) checked, without a second transactional interceptor around every write (its
        // proxy, its look-ups of the transaction and of the method's annotations): the caller's own is enough.
        // A companion row is the exception: the change and its event are one statement, which PostgreSQL runs
        // atomically in a transaction of its own when the connection is in autocommit (a pool connection outside a
        // JTA transaction): both rows or neither, as under @Transactional, at the same isolation (read committed),
        // without the transaction manager's begin, enlistment, synchronizations and commit, and without the COMMIT's
        // own round trip (bench/README.md, "Write path", 2026-12-05 evening)
        boolean joined = transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        if (!joined && row == null) {
            throw new TransactionalException("An event is recorded in the transaction of the change it describes",
                    new TransactionRequiredException());
        }
        EventCodec.Encoded envelope = EventCodec.encode(event, occurredAt, source, clock);
        String topic = EventCatalog.metadata(event.getClass()).topic();
        // one plain insert on the transaction's connection: persisting an entity with a database-generated key made
        // Hibernate flush the request's other inserts and read the key back, the largest part of a write's CPU on
        // the request thread (bench/README.md, "Write path"); the row is never read back as an entity. A companion
        // row rides in a data-modifying WITH: one statement, one round trip, one server-side prepared plan.
        // The connection comes from the pool, not from a Hibernate session: inside a JTA transaction the pool hands
        // out the connection already enlisted in it (the one Hibernate uses, if the use case used it), so the row is
        // still written by the caller's transaction; a write that touches no entity (a new level-1 contact) then
        // opens no session, and has none to flush and close at its commit (bench/README.md, 2026-12-05 midday)
        String sql = row == null ? INSERT : "WITH companion AS (" + row.statement() + ") " + INSERT;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            int next = row == null ? 1 : row.bind(insert);
            insert.setObject(next, envelope.eventId());
            insert.setString(next + 1, topic);
            insert.setString(next + 2, event.recordKey().toString());
            insert.setString(next + 3, envelope.eventType());
            insert.setBytes(next + 4, envelope.bytes());
            insert.setObject(next + 5, envelope.recordedAt().atOffset(ZoneOffset.UTC));
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
