package fr.capemploi.platform.outbox;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import java.sql.PreparedStatement;
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

    private final EntityManager entityManager;
    private final Event<OutboxRowsCommitted> committed;
    private final Clock clock;
    private final String source;

    public Outbox(EntityManager entityManager, Event<OutboxRowsCommitted> committed, Clock clock, PlatformConfig config) {
        this.entityManager = entityManager;
        this.committed = committed;
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
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(DomainEvent event, Instant occurredAt) {
        EventCodec.Encoded envelope = EventCodec.encode(event, occurredAt, source, clock);
        String topic = EventCatalog.metadata(event.getClass()).topic();
        // one plain insert on the transaction's connection: persisting an entity with a database-generated key made
        // Hibernate flush the request's other inserts and read the key back, the largest part of a write's CPU on
        // the request thread (bench/README.md, "Write path"); the row is never read back as an entity
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, envelope.eventId());
                insert.setString(2, topic);
                insert.setString(3, event.recordKey().toString());
                insert.setString(4, envelope.eventType());
                insert.setBytes(5, envelope.bytes());
                insert.setObject(6, envelope.recordedAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
        committed.fire(new OutboxRowsCommitted());
        return envelope.eventId();
    }
}
