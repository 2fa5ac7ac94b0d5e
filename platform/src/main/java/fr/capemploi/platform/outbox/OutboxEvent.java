package fr.capemploi.platform.outbox;

import fr.capemploi.events.EventEnvelope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A pending or published outbox row; its id gives the commit order the relay publishes in. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(nullable = false, updatable = false)
    private String topic;

    @Column(name = "record_key", nullable = false, updatable = false)
    private String recordKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(nullable = false, updatable = false)
    private byte[] envelope;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected OutboxEvent() {
    }

    OutboxEvent(EventEnvelope event, String topic, String recordKey, byte[] envelope) {
        this.eventId = event.eventId();
        this.topic = topic;
        this.recordKey = recordKey;
        this.eventType = event.eventType();
        this.envelope = envelope;
        this.recordedAt = event.recordedAt();
    }

    public Long getId() {
        return id;
    }

    public UUID getEventId() {
        return eventId;
    }
}
