package fr.capemploi.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as {@code ce_*} headers so that
 * generic tooling can route events without parsing the value.
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_VALUE = "1.0";

    private CloudEventHeaders() {
    }

    public static Map<String, byte[]> of(EventEnvelope envelope) {
        return of(new Attributes(envelope.eventId(), envelope.eventType(), envelope.schemaVersion(),
                envelope.occurredAt(), envelope.source(), envelope.aggregateType(), envelope.aggregateId()));
    }

    /**
     * The headers of an envelope still in bytes: its attributes are read and its payload passed over, not parsed
     * into a tree (the relay sends every row this way; parsing whole envelopes was half of its CPU).
     *
     * @throws MalformedEventException when the bytes are not an envelope
     */
    public static Map<String, byte[]> of(byte[] envelope) {
        Attributes attributes = leading(envelope);
        if (attributes == null) {
            try {
                attributes = EventCodec.mapper().readValue(envelope, Attributes.class);
            } catch (java.io.IOException | RuntimeException e) {
                throw new MalformedEventException("not a valid event envelope: " + e.getMessage());
            }
        }
        return of(attributes);
    }

    /**
     * The attributes as {@link EventCodec#encode} writes them — every one before the payload, times in their canonical
     * form — read token by token and the rest of the bytes left unread: the relay reads every row it sends this way,
     * and binding the whole envelope (skipping the payload token by token, times through the Java time module) was
     * 39 % of its CPU (bench/JOURNAL.md). Null for anything else, which the binding then reads as it always did, so the
     * headers and the failures do not change.
     */
    static Attributes leading(byte[] envelope) {
        if (envelope == null) {
            return null;
        }
        String eventId = null;
        String eventType = null;
        String occurredAt = null;
        String source = null;
        String aggregateType = null;
        String aggregateId = null;
        int schemaVersion = 0;
        try (JsonParser parser = EventCodec.mapper().getFactory().createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int found = 0;
            while (found < 7 && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("schemaVersion")) {
                    if (value != JsonToken.VALUE_NUMBER_INT || schemaVersion != 0) {
                        return null;
                    }
                    schemaVersion = parser.getIntValue();
                    found++;
                    continue;
                }
                boolean attribute = switch (name) {
                    case "eventId", "eventType", "occurredAt", "source", "aggregateType", "aggregateId" -> true;
                    default -> false;
                };
                if (!attribute) {
                    // a field the headers do not need (recordedAt, structureId) is passed over; the payload is
                    // written last, so it is reached only when an attribute is missing: let the binding say what
                    if (value.isStructStart()) {
                        return null;
                    }
                    continue;
                }
                String text = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                if (text == null || switch (name) {
                    case "eventId" -> eventId;
                    case "eventType" -> eventType;
                    case "occurredAt" -> occurredAt;
                    case "source" -> source;
                    case "aggregateType" -> aggregateType;
                    default -> aggregateId;
                } != null) {
                    // not a string, or twice the same name (the binding keeps the last): the binding decides
                    return null;
                }
                switch (name) {
                    case "eventId" -> eventId = text;
                    case "eventType" -> eventType = text;
                    case "occurredAt" -> occurredAt = text;
                    case "source" -> source = text;
                    case "aggregateType" -> aggregateType = text;
                    default -> aggregateId = text;
                }
                found++;
            }
            if (found < 7 || eventId == null || eventType == null || occurredAt == null || source == null
                    || aggregateType == null || aggregateId == null || schemaVersion == 0) {
                return null;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        Instant time = CanonicalTimes.instant(occurredAt);
        if (time == null) {
            return null;
        }
        if (eventId.length() != 36 || aggregateId.length() != 36) {
            return null;
        }
        try {
            return new Attributes(UUID.fromString(eventId), eventType, schemaVersion, time, source, aggregateType,
                    UUID.fromString(aggregateId));
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static Map<String, byte[]> of(Attributes envelope) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(ID, bytes(envelope.eventId().toString()));
        headers.put(TYPE, bytes(envelope.eventType()));
        headers.put(SOURCE, bytes("/" + envelope.source()));
        headers.put(SPEC_VERSION, bytes(SPEC_VERSION_VALUE));
        headers.put(TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(envelope.occurredAt())));
        headers.put(SUBJECT, bytes(envelope.aggregateType() + "/" + envelope.aggregateId()));
        headers.put(DATA_SCHEMA, bytes(EventCatalog.schemaUri(envelope.eventType(), envelope.schemaVersion())));
        headers.put(CONTENT_TYPE, bytes("application/json"));
        return headers;
    }

    /** What the headers carry of an envelope; the envelope's other fields are ignored when read. */
    record Attributes(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String source,
            String aggregateType, UUID aggregateId) {
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
