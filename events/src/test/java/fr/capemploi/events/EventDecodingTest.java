package fr.capemploi.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import fr.capemploi.events.cep.Level1ContactRecorded;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consumers' one-pass reading ({@link EventCodec#decode}) against the tree it replaces ({@link EventCodec#fromBytes}
 * then {@link EventCodec#payload}): for every event type of the catalogue, new and golden, the same envelope and the
 * same typed event; for what the one pass does not take, the tree's answer and the tree's failure, word for word
 * (they are the dead-letter reasons).
 */
class EventDecodingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-05-02T10:15:30.123456789Z"), ZoneOffset.UTC);

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void aNewEventDecodesInOnePassToWhatTheTreeGives(Class<? extends DomainEvent> type) {
        DomainEvent event = EventContractTest.SAMPLES.get(type);
        byte[] bytes = EventCodec.encode(event, Instant.parse("2016-05-02T08:00:00.0000019Z"), "test", CLOCK).bytes();

        EventEnvelope decoded = EventCodec.decode(bytes);

        assertBoundAndEqualToTheTree(decoded, bytes);
        assertThat(EventCodec.payload(decoded)).isEqualTo(event);
        assertThat(EventCodec.payload(decoded, type)).isSameAs(((POJONode) decoded.payload()).getPojo());
        assertThat(EventCodec.toBytes(decoded)).as("written back, the same bytes").isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void aGoldenSampleDecodesInOnePassToWhatTheTreeGives(Class<? extends DomainEvent> type) throws IOException {
        EventType meta = EventCatalog.metadata(type);
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("golden/" + meta.name() + ".v" + meta.version() + ".json")) {
            bytes = in.readAllBytes();
        }

        EventEnvelope decoded = EventCodec.decode(bytes);

        assertBoundAndEqualToTheTree(decoded, bytes);
        assertThat(EventCodec.payload(decoded)).isInstanceOf(type);
    }

    @Test
    void garbageFailsWithTheTreesReason() {
        for (String garbage : new String[] {"not json", "[1, 2]", "{\"eventId\":", "{}", "{\"payload\": {}}"}) {
            byte[] bytes = garbage.getBytes(StandardCharsets.UTF_8);
            Throwable tree = catchThrowable(() -> EventCodec.fromBytes(bytes));
            assertThat(tree).as(garbage).isInstanceOf(MalformedEventException.class);
            assertThatThrownBy(() -> EventCodec.decode(bytes)).as(garbage).isInstanceOf(MalformedEventException.class)
                    .hasMessage(tree.getMessage());
        }
        assertThatThrownBy(() -> EventCodec.decode(null)).isInstanceOf(MalformedEventException.class)
                .hasMessage("record has no value");
    }

    @Test
    void anEnvelopeMissingARequiredAttributeFailsWithTheTreesReason() {
        ObjectNode envelope = sampleTree();
        envelope.putNull("eventId");
        byte[] bytes = bytes(envelope);
        Throwable tree = catchThrowable(() -> EventCodec.fromBytes(bytes));
        assertThat(tree).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.decode(bytes)).isInstanceOf(MalformedEventException.class)
                .hasMessage(tree.getMessage());
    }

    /** A type or version this build does not know stays a tree: a projection that handles the type says why not. */
    @Test
    void anUnknownVersionIsReadAsTheTreeReadsIt() {
        ObjectNode envelope = sampleTree();
        envelope.put("schemaVersion", 99);
        byte[] bytes = bytes(envelope);

        EventEnvelope decoded = EventCodec.decode(bytes);

        assertThat(decoded).isEqualTo(EventCodec.fromBytes(bytes));
        assertThat(decoded.payload()).isInstanceOf(ObjectNode.class);
        assertThatThrownBy(() -> EventCodec.payload(decoded)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("v99");
    }

    /** A payload its record refuses fails where it always did, with the same reason, for the projections reading it. */
    @Test
    void aPayloadItsRecordRefusesFailsWithTheTreesReason() {
        ObjectNode envelope = sampleTree();
        ((ObjectNode) envelope.get("payload")).put("channel", "CARRIER_PIGEON");
        byte[] bytes = bytes(envelope);

        EventEnvelope decoded = EventCodec.decode(bytes);

        assertThat(decoded).isEqualTo(EventCodec.fromBytes(bytes));
        Throwable tree = catchThrowable(() -> EventCodec.payload(EventCodec.fromBytes(bytes),
                Level1ContactRecorded.class));
        assertThat(tree).isInstanceOf(MalformedEventException.class).hasMessageContaining("CARRIER_PIGEON");
        assertThatThrownBy(() -> EventCodec.payload(decoded, Level1ContactRecorded.class))
                .isInstanceOf(MalformedEventException.class).hasMessage(tree.getMessage());
    }

    /** Another producer may write the payload first: the type is not known yet, the tree reads it. */
    @Test
    void aPayloadBeforeItsTypeIsReadAsTheTreeReadsIt() {
        ObjectNode original = sampleTree();
        ObjectNode reordered = EventCodec.mapper().createObjectNode();
        reordered.set("payload", original.get("payload"));
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = original.fields();
                fields.hasNext();) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = fields.next();
            if (!field.getKey().equals("payload")) {
                reordered.set(field.getKey(), field.getValue());
            }
        }
        byte[] bytes = bytes(reordered);

        EventEnvelope decoded = EventCodec.decode(bytes);

        assertThat(decoded).isEqualTo(EventCodec.fromBytes(bytes));
        assertThat(EventCodec.payload(decoded))
                .isEqualTo(EventContractTest.SAMPLES.get(Level1ContactRecorded.class));
    }

    /** A field added later in the same schema version is passed over by both readings. */
    @Test
    void fieldsAddedLaterArePassedOver() {
        ObjectNode envelope = sampleTree();
        envelope.putObject("traceContext").put("traceparent", "00-abc-def-01");
        ((ObjectNode) envelope.get("payload")).putArray("addedLater").add(1).add("two");
        byte[] bytes = bytes(envelope);

        EventEnvelope decoded = EventCodec.decode(bytes);

        assertThat(decoded.payload()).isInstanceOf(POJONode.class);
        assertThat(EventCodec.payload(decoded))
                .isEqualTo(EventCodec.payload(EventCodec.fromBytes(bytes)))
                .isEqualTo(EventContractTest.SAMPLES.get(Level1ContactRecorded.class));
    }

    private static void assertBoundAndEqualToTheTree(EventEnvelope decoded, byte[] bytes) {
        EventEnvelope tree = EventCodec.fromBytes(bytes);
        assertThat(decoded.payload()).as("the payload bound to its record, no tree").isInstanceOf(POJONode.class);
        assertThat(decoded).usingRecursiveComparison().ignoringFields("payload").isEqualTo(tree);
        assertThat(EventCodec.payload(decoded)).isEqualTo(EventCodec.payload(tree));
        assertThat((Object) EventCodec.mapper().valueToTree(decoded.payload())).isEqualTo(tree.payload());
    }

    private static ObjectNode sampleTree() {
        byte[] bytes = EventCodec.encode(EventContractTest.SAMPLES.get(Level1ContactRecorded.class),
                Instant.parse("2016-05-02T08:00:00Z"), "test", CLOCK).bytes();
        try {
            return (ObjectNode) EventCodec.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ObjectNode envelope) {
        try {
            return EventCodec.mapper().writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
