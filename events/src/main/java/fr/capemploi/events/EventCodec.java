package fr.capemploi.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Turns events into envelopes and bytes and back. It owns its mapper rather than borrowing an application's one:
 * the wire format must not change because a service tuned its REST serialisation.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // after the Java time module: its deserialisers stay for any form but the canonical one
            .addModule(CanonicalTimes.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // consumers must accept fields added later in the same schema version
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * {@link #decode}'s reader, made once: {@code ObjectMapper.readValue} looks the root type's deserialiser up in the
     * mapper's cache on every call, a reader holds it.
     */
    private static final ObjectReader ONE_PASS = MAPPER.readerFor(Typed.class);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A new event's id: a time-ordered UUID (version 7, RFC 9562), increasing within this JVM. Every consumer's
     * processed-event log, the outbox and the fact tables keyed by event id insert in the ids' order: random (version
     * 4) ids sent each row to a random leaf of those keys, time-ordered ones to the few last leaves a batch's rows
     * share (bench/JOURNAL.md, "The processed-event log's cost"). Ids already published stay version 4: the log only
     * compares them for equality, and the two versions never collide.
     */
    public static UUID newEventId() {
        // the session is for generators bound to an entity; version 7 needs none
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }

    public static EventEnvelope envelope(DomainEvent event, Instant occurredAt, String source, Clock clock) {
        EventType meta = EventCatalog.metadata(event.getClass());
        return new EventEnvelope(
                newEventId(),
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
     * {@code Outbox.record} (bench/JOURNAL.md, "Write path").
     */
    public static Encoded encode(DomainEvent event, Instant occurredAt, String source, Clock clock) {
        EventType meta = EventCatalog.metadata(event.getClass());
        Unparsed envelope = new Unparsed(newEventId(), meta.name(), meta.version(),
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

    /**
     * An envelope read from its bytes in one pass, its payload bound straight into its event's record (held by a
     * {@link POJONode}: {@link #payload(EventEnvelope, Class)} hands the record over as it is, {@link #toBytes} writes
     * the same JSON). Reading the payload as a tree and then converting the tree was about half of a rebuild's CPU in
     * the reporting service (bench/JOURNAL.md). Anything the one pass does not take as it is — not an envelope, a type
     * or version this build does not know, a payload its record refuses, fields out of the order {@link #encode}
     * writes them in — is read by {@link #fromBytes}, so that what a consumer gets, and the reason a record is
     * dead-lettered for, are those of the tree.
     *
     * @throws MalformedEventException when the bytes are not an envelope
     */
    public static EventEnvelope decode(byte[] value) {
        if (value != null) {
            try {
                Typed typed = ONE_PASS.readValue(value);
                if (typed != null && typed.envelope() != null) {
                    return typed.envelope();
                }
            } catch (IOException | RuntimeException tryTheTree) {
                // fromBytes says what is wrong, in the words consumers have always given
            }
        }
        return fromBytes(value);
    }

    /** The typed payload; fails if the envelope names a type or version this build does not know. */
    public static DomainEvent payload(EventEnvelope envelope) {
        Class<? extends DomainEvent> type = EventCatalog.type(envelope.eventType(), envelope.schemaVersion());
        if (type == null) {
            throw new MalformedEventException(
                    "unknown event type " + envelope.eventType() + " v" + envelope.schemaVersion());
        }
        return payload(envelope, type);
    }

    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        JsonNode payload = envelope.payload();
        if (payload instanceof POJONode bound) {
            if (type.isInstance(bound.getPojo())) {
                return type.cast(bound.getPojo());
            }
            // bound by decode to the catalogue's record, asked for another class of the same name and version
            payload = MAPPER.valueToTree(bound.getPojo());
        }
        try {
            return MAPPER.treeToValue(payload, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + envelope.eventType() + " is invalid: " + e.getMessage());
        }
    }

    /** {@link #decode}'s one pass over an envelope; no envelope when it leaves the bytes to the tree. */
    @JsonDeserialize(using = OnePass.class)
    private record Typed(EventEnvelope envelope) {
    }

    /**
     * Reads the envelope's attributes in the order {@link #encode} writes them, then the payload into the record the
     * catalogue names for its type and version; the attributes by the same deserialisers the envelope record uses.
     */
    private static final class OnePass extends StdDeserializer<Typed> {

        private static final Typed TO_THE_TREE = new Typed(null);
        private static final java.util.List<String> FIELDS = java.util.List.of("eventId", "eventType",
                "schemaVersion", "occurredAt", "recordedAt", "source", "aggregateType", "aggregateId", "structureId",
                "payload");

        /**
         * The deserialiser of each type read, found once: {@code DeserializationContext.readValue} looks it up on
         * every call (introspecting the class each time for a UUID or an instant), which cost more than the tree.
         */
        private static final Map<Class<?>, JsonDeserializer<Object>> READERS = new ConcurrentHashMap<>();

        OnePass() {
            super(Typed.class);
        }

        private static <T> T read(JsonParser parser, DeserializationContext context, Class<T> type)
                throws IOException {
            JsonDeserializer<Object> reader = READERS.get(type);
            if (reader == null) {
                reader = context.findRootValueDeserializer(context.constructType(type));
                READERS.put(type, reader);
            }
            return type.cast(reader.deserialize(parser, context));
        }

        @Override
        public Typed deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartObjectToken()) {
                return TO_THE_TREE;
            }
            UUID eventId = null;
            String eventType = null;
            int schemaVersion = 0;
            Instant occurredAt = null;
            Instant recordedAt = null;
            String source = null;
            String aggregateType = null;
            UUID aggregateId = null;
            UUID structureId = null;
            DomainEvent payload = null;
            int seen = 0;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                int index = FIELDS.indexOf(field);
                if (index < 0) {
                    parser.skipChildren();
                    continue;
                }
                if ((seen & (1 << index)) != 0) {
                    return TO_THE_TREE;
                }
                seen |= 1 << index;
                if (token == JsonToken.VALUE_NULL) {
                    // null is the envelope record's business (a required attribute is refused there)
                    if (!field.equals("structureId")) {
                        return TO_THE_TREE;
                    }
                    continue;
                }
                boolean string = token == JsonToken.VALUE_STRING;
                switch (field) {
                    case "eventId" -> eventId = read(parser, context, UUID.class);
                    // the catalogue's instance of the name: every consumer's dispatch looks it up again
                    case "eventType" -> eventType = string ? EventCatalog.canonicalName(parser.getText()) : null;
                    case "schemaVersion" -> schemaVersion = token == JsonToken.VALUE_NUMBER_INT
                            ? parser.getIntValue() : 0;
                    case "occurredAt" -> occurredAt = read(parser, context, Instant.class);
                    case "recordedAt" -> recordedAt = read(parser, context, Instant.class);
                    case "source" -> source = string ? parser.getText() : null;
                    case "aggregateType" -> aggregateType = string ? parser.getText() : null;
                    case "aggregateId" -> aggregateId = read(parser, context, UUID.class);
                    case "structureId" -> structureId = read(parser, context, UUID.class);
                    default -> {
                        // the payload: its type must be known by now, else the tree reads it
                        Class<? extends DomainEvent> type = eventType == null || token != JsonToken.START_OBJECT
                                ? null : EventCatalog.type(eventType, schemaVersion);
                        if (type == null) {
                            return TO_THE_TREE;
                        }
                        payload = read(parser, context, type);
                    }
                }
                if ((field.equals("eventType") || field.equals("source") || field.equals("aggregateType"))
                        && !string || field.equals("schemaVersion") && schemaVersion == 0) {
                    return TO_THE_TREE;
                }
            }
            if (payload == null) {
                return TO_THE_TREE;
            }
            return new Typed(new EventEnvelope(eventId, eventType, schemaVersion, occurredAt, recordedAt, source,
                    aggregateType, aggregateId, structureId, new POJONode(payload)));
        }
    }
}
