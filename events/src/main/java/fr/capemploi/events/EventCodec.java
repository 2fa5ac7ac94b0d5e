package fr.capemploi.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Turns events into envelopes and bytes and back. It owns its mapper rather than borrowing an application's one:
 * the wire format must not change because a service tuned its REST serialisation.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // consumers must accept fields added later in the same schema version
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static EventEnvelope envelope(DomainEvent event, Instant occurredAt, String source, Clock clock) {
        EventType meta = EventCatalog.metadata(event.getClass());
        return new EventEnvelope(
                UUID.randomUUID(),
                meta.name(),
                meta.version(),
                occurredAt.truncatedTo(ChronoUnit.MICROS),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                source,
                meta.aggregateType(),
                event.aggregateId(),
                event.structureId(),
                MAPPER.valueToTree(event));
    }

    /**
     * The envelope of a new event straight to its bytes, the same bytes as {@code toBytes(envelope(...))}: the
     * outbox writes one per request, and building the payload's tree first then writing the tree cost half of
     * {@code Outbox.record} (bench/README.md, "Write path").
     */
    public static Encoded encode(DomainEvent event, Instant occurredAt, String source, Clock clock) {
        EventType meta = EventCatalog.metadata(event.getClass());
        Unparsed envelope = new Unparsed(UUID.randomUUID(), meta.name(), meta.version(),
                occurredAt.truncatedTo(ChronoUnit.MICROS), clock.instant().truncatedTo(ChronoUnit.MICROS), source,
                meta.aggregateType(), event.aggregateId(), event.structureId(), event);
        try {
            return new Encoded(envelope.eventId(), envelope.eventType(), envelope.recordedAt(),
                    MAPPER.writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + meta.name(), e);
        }
    }

    /** A new event's envelope as bytes, with what the outbox row keeps beside them. */
    public record Encoded(UUID eventId, String eventType, Instant recordedAt, byte[] bytes) {
    }

    /**
     * {@link EventEnvelope}'s components in its order, the payload still the event: written by its own serialiser
     * in the same pass, without a tree in between.
     */
    private record Unparsed(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, Instant recordedAt,
            String source, String aggregateType, UUID aggregateId, UUID structureId, DomainEvent payload) {
    }

    public static byte[] toBytes(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + envelope.eventType(), e);
        }
    }

    /** @throws MalformedEventException when the bytes are not an envelope */
    public static EventEnvelope fromBytes(byte[] value) {
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        try {
            return MAPPER.readValue(value, EventEnvelope.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getMessage());
        }
    }

    /** The typed payload; fails if the envelope names a type or version this build does not know. */
    public static DomainEvent payload(EventEnvelope envelope) {
        Class<? extends DomainEvent> type = EventCatalog.find(envelope.eventType(), envelope.schemaVersion())
                .orElseThrow(() -> new MalformedEventException(
                        "unknown event type " + envelope.eventType() + " v" + envelope.schemaVersion()));
        return payload(envelope, type);
    }

    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + envelope.eventType() + " is invalid: " + e.getMessage());
        }
    }
}
