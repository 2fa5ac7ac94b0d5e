package fr.capemploi.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cpf.CpfPresented;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    private static final UUID STRUCTURE = SampleIds.STRUCTURE;
    private static final UUID BENEFICIARY = SampleIds.BENEFICIARY;
    private static final UUID COUNSELLOR = SampleIds.COUNSELLOR;

    /** One realistic instance of every event type; the catalog test below fails if a type is missing here. */
    static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = new java.util.HashMap<>();

    static {
        SAMPLES.putAll(fr.capemploi.events.beneficiary.BeneficiaryEventSamples.SAMPLES);
        SAMPLES.putAll(fr.capemploi.events.cep.CepEventSamples.SAMPLES);
        SAMPLES.putAll(fr.capemploi.events.cpf.CpfEventSamples.SAMPLES);
    }

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @Test
    void everyCatalogTypeHasASampleAndAGoldenFile() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
        for (Class<? extends DomainEvent> type : EventCatalog.all()) {
            assertThat(resource(goldenPath(type))).as("golden sample of %s", type.getSimpleName()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void serialisesValidatesAndReadsBackEqual(Class<? extends DomainEvent> type) {
        DomainEvent event = SAMPLES.get(type);
        Clock clock = Clock.fixed(Instant.parse("2016-05-02T10:15:30.123456Z"), ZoneOffset.UTC);
        EventEnvelope envelope = EventCodec.envelope(event, Instant.parse("2016-05-02T08:00:00Z"), "test", clock);

        byte[] bytes = EventCodec.toBytes(envelope);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(validate(envelopeSchema(), json)).isEmpty();
        assertThat(validate(payloadSchema(type), envelope.payload().toString())).isEmpty();

        EventEnvelope readBack = EventCodec.fromBytes(bytes);
        assertThat(readBack).isEqualTo(envelope);
        assertThat(EventCodec.payload(readBack)).isEqualTo(event);
        assertThat(readBack.eventType()).isEqualTo(EventCatalog.metadata(type).name());
        assertThat(readBack.aggregateId()).isEqualTo(event.aggregateId());
    }

    /** The outbox's one-pass encoding must be the envelope's bytes to the letter: consumers read one format. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void encodingInOnePassGivesTheEnvelopesBytes(Class<? extends DomainEvent> type) {
        DomainEvent event = SAMPLES.get(type);
        Clock clock = Clock.fixed(Instant.parse("2016-05-02T10:15:30.123456789Z"), ZoneOffset.UTC);
        Instant occurredAt = Instant.parse("2016-05-02T08:00:00.0000019Z");

        EventCodec.Encoded encoded = EventCodec.encode(event, occurredAt, "test", clock);

        EventEnvelope readBack = EventCodec.fromBytes(encoded.bytes());
        assertThat(readBack.eventId()).isEqualTo(encoded.eventId());
        assertThat(readBack.eventType()).isEqualTo(encoded.eventType()).isEqualTo(EventCatalog.metadata(type).name());
        assertThat(readBack.recordedAt()).isEqualTo(encoded.recordedAt())
                .isEqualTo(Instant.parse("2016-05-02T10:15:30.123456Z"));
        EventEnvelope sameThroughTheTree = new EventEnvelope(encoded.eventId(), readBack.eventType(),
                EventCatalog.metadata(type).version(), Instant.parse("2016-05-02T08:00:00.000001Z"),
                encoded.recordedAt(), "test", EventCatalog.metadata(type).aggregateType(), event.aggregateId(),
                event.structureId(), EventCodec.mapper().valueToTree(event));
        assertThat(new String(encoded.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(EventCodec.toBytes(sameThroughTheTree), StandardCharsets.UTF_8));
        assertThat(EventCodec.payload(readBack)).isEqualTo(event);
    }

    /** Consumers must read every version ever published: the golden files are frozen copies of real records. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void goldenSampleStillReadsAndMatchesItsSchema(Class<? extends DomainEvent> type) throws IOException {
        String json = new String(resource(goldenPath(type)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(validate(envelopeSchema(), json)).isEmpty();
        EventEnvelope envelope = EventCodec.fromBytes(json.getBytes(StandardCharsets.UTF_8));
        assertThat(validate(payloadSchema(type), envelope.payload().toString())).isEmpty();
        DomainEvent event = EventCodec.payload(envelope);
        assertThat(event).isInstanceOf(type);
        assertThat((Object) EventCodec.mapper().valueToTree(event)).isEqualTo(envelope.payload());
        assertThat(event.aggregateId()).as("the aggregate it was published for").isEqualTo(envelope.aggregateId());
    }

    /**
     * One person's facts stay in order on a topic whatever their aggregate: every event naming a person is keyed by
     * the person; the counsellor directory follows its structure; the rest is keyed by its aggregate.
     */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void aFactAboutAPersonIsKeyedByThePerson(Class<? extends DomainEvent> type) throws ReflectiveOperationException {
        DomainEvent event = SAMPLES.get(type);
        UUID person = null;
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("beneficiaryId")) {
                person = (UUID) component.getAccessor().invoke(event);
            }
        }
        UUID expected = person != null ? person
                : type.getSimpleName().startsWith("Counsellor") || type.getSimpleName().startsWith("OperatorDeclaration")
                        ? event.structureId() : event.aggregateId();
        assertThat(event.recordKey()).isEqualTo(expected);
    }

    @Test
    void schemaRejectsAPayloadMissingARequiredField() {
        EventEnvelope envelope = EventCodec.envelope(SAMPLES.get(StructureRegistered.class), Instant.now(), "test",
                Clock.systemUTC());
        ObjectNode payload = envelope.payload().deepCopy();
        payload.remove("region");
        assertThat(validate(payloadSchema(StructureRegistered.class), payload.toString()))
                .anySatisfy(error -> assertThat(error.getMessage()).contains("region"));
    }

    @Test
    void unknownTypeOrGarbageIsMalformed() {
        assertThatThrownBy(() -> EventCodec.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        EventEnvelope envelope = EventCodec.envelope(SAMPLES.get(CpfPresented.class), Instant.now(), "test", Clock.systemUTC());
        EventEnvelope renamed = new EventEnvelope(envelope.eventId(), "SomethingElse", 1, envelope.occurredAt(),
                envelope.recordedAt(), envelope.source(), envelope.aggregateType(), envelope.aggregateId(),
                envelope.structureId(), envelope.payload());
        assertThatThrownBy(() -> EventCodec.payload(renamed)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("SomethingElse");
    }

    @Test
    void cloudEventHeadersCarryTheEnvelopeAttributes() {
        EventEnvelope envelope = EventCodec.envelope(SAMPLES.get(StructureRegistered.class),
                Instant.parse("2016-01-04T09:00:00Z"), "beneficiary-service", Clock.systemUTC());
        Map<String, byte[]> headers = CloudEventHeaders.of(envelope);
        assertThat(text(headers, CloudEventHeaders.ID)).isEqualTo(envelope.eventId().toString());
        assertThat(text(headers, CloudEventHeaders.TYPE)).isEqualTo("StructureRegistered");
        assertThat(text(headers, CloudEventHeaders.SOURCE)).isEqualTo("/beneficiary-service");
        assertThat(text(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(text(headers, CloudEventHeaders.TIME)).isEqualTo("2016-01-04T09:00:00Z");
        // the relay reads them from the row's bytes without parsing the payload: the same headers
        Map<String, byte[]> fromBytes = CloudEventHeaders.of(EventCodec.toBytes(envelope));
        assertThat(fromBytes.keySet()).containsExactlyElementsOf(headers.keySet());
        headers.forEach((name, value) -> assertThat(fromBytes.get(name)).as(name).isEqualTo(value));
        assertThatThrownBy(() -> CloudEventHeaders.of("{\"eventId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    /**
     * The relay reads the attributes as the encoder writes them and stops before the payload; any other form goes
     * through the binding. Either way the headers are those of the envelope, for every type.
     */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void cloudEventHeadersReadFromTheRowsBytesAreTheEnvelopes(Class<? extends DomainEvent> type) throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2016-05-02T10:15:30.123456Z"), ZoneOffset.UTC);
        for (Instant occurredAt : List.of(Instant.parse("2016-05-02T08:00:00Z"), Instant.parse("2016-05-02T08:00:00.120Z"),
                Instant.parse("2016-05-02T23:59:59.999999Z"))) {
            EventCodec.Encoded encoded = EventCodec.encode(SAMPLES.get(type), occurredAt, "cep-service", clock);
            EventEnvelope envelope = EventCodec.fromBytes(encoded.bytes());
            assertThat(CloudEventHeaders.leading(encoded.bytes())).as("read without binding").isNotNull();
            assertSameHeaders(CloudEventHeaders.of(encoded.bytes()), CloudEventHeaders.of(envelope));

            // the payload first, a time with an offset, an unknown field: the binding's way, the same headers
            ObjectNode reordered = EventCodec.mapper().createObjectNode();
            reordered.set("payload", envelope.payload());
            reordered.put("futureAttribute", "x");
            ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(encoded.bytes());
            tree.remove("payload");
            reordered.setAll(tree);
            reordered.put("occurredAt", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .format(envelope.occurredAt().atOffset(ZoneOffset.ofHours(2))));
            assertThat(CloudEventHeaders.leading(EventCodec.mapper().writeValueAsBytes(reordered))).isNull();
            assertSameHeaders(CloudEventHeaders.of(EventCodec.mapper().writeValueAsBytes(reordered)),
                    CloudEventHeaders.of(envelope));
        }
    }

    @Test
    void cloudEventHeadersOfBytesThatAreNoEnvelopeFail() {
        for (String notAnEnvelope : List.of("[]", "{\"eventId\":\"not-a-uuid\"}", "{\"eventId\":", "")) {
            assertThatThrownBy(() -> CloudEventHeaders.of(notAnEnvelope.getBytes(StandardCharsets.UTF_8)))
                    .as(notAnEnvelope).isInstanceOf(MalformedEventException.class);
        }
    }

    private static void assertSameHeaders(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, value) -> assertThat(new String(actual.get(name), StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(value, StandardCharsets.UTF_8)));
    }

    @Test
    void recordKeyIsTheBeneficiaryWhenThereIsOne() {
        Level1ContactRecorded anonymous = (Level1ContactRecorded) SAMPLES.get(Level1ContactRecorded.class);
        assertThat(anonymous.recordKey()).isEqualTo(anonymous.contactId());
        Level1ContactRecorded known = new Level1ContactRecorded(anonymous.contactId(), STRUCTURE, COUNSELLOR, BENEFICIARY,
                anonymous.contactDate(), anonymous.channel(), anonymous.request(), false);
        assertThat(known.recordKey()).isEqualTo(BENEFICIARY);
    }

    private static String text(Map<String, byte[]> headers, String name) {
        return new String(headers.get(name), StandardCharsets.UTF_8);
    }

    private static String goldenPath(Class<? extends DomainEvent> type) {
        EventType meta = EventCatalog.metadata(type);
        return "golden/" + meta.name() + ".v" + meta.version() + ".json";
    }

    private static Schema envelopeSchema() {
        return SCHEMAS.getSchema(resource("fr/capemploi/events/EventEnvelope.schema.json"));
    }

    private static Schema payloadSchema(Class<? extends DomainEvent> type) {
        InputStream in = resource(EventCatalog.schemaResource(type));
        assertThat(in).as("schema of %s", type.getSimpleName()).isNotNull();
        return SCHEMAS.getSchema(in);
    }

    private static List<Error> validate(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static InputStream resource(String path) {
        return EventContractTest.class.getClassLoader().getResourceAsStream(path);
    }
}
