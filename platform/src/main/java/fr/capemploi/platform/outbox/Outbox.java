package fr.capemploi.platform.outbox;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * The only way a service publishes: the event row is written by the caller's transaction, so it exists if and
 * only if the state change it describes was committed. The {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

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
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope record(DomainEvent event, Instant occurredAt) {
        EventEnvelope envelope = EventCodec.envelope(event, occurredAt, source, clock);
        String topic = EventCatalog.metadata(event.getClass()).topic();
        entityManager.persist(new OutboxEvent(envelope, topic, event.recordKey().toString(), EventCodec.toBytes(envelope)));
        committed.fire(new OutboxRowsCommitted());
        return envelope;
    }
}
