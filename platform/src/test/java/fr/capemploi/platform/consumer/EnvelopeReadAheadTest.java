package fr.capemploi.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.events.CloudEventHeaders;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.beneficiary.ConsentGiven;
import fr.capemploi.events.beneficiary.StructureRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The envelopes read on the polling thread are the ones the channel applies; what cannot be read is left to it. */
class EnvelopeReadAheadTest {

    private final EnvelopeReadAhead readAhead = new EnvelopeReadAhead();

    @Test
    void anEnvelopeReadAheadIsHandedOverOnceThenReadAgainIfAskedAgain() {
        UUID structure = UUID.randomUUID();
        byte[] value = EventCodec.encode(new StructureRegistered(structure, "C001", "Cap emploi test", "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.parse("2016-01-04T09:00:00Z"), "test", Clock.systemUTC()).bytes();

        readAhead.onConsume(poll(value));
        EventEnvelope handedOver = EnvelopeReadAhead.envelope(value);
        EventEnvelope readAgain = EnvelopeReadAhead.envelope(value);

        assertThat(handedOver).isEqualTo(EventCodec.decode(value));
        assertThat(readAgain).isEqualTo(handedOver).isNotSameAs(handedOver);
        assertThat(EventCodec.payload(handedOver, StructureRegistered.class).structureId()).isEqualTo(structure);
    }

    @Test
    void aRecordThatIsNotAnEnvelopeFailsWhenTheChannelReadsIt() {
        byte[] garbage = "not an envelope".getBytes(StandardCharsets.UTF_8);

        readAhead.onConsume(poll(garbage, null));

        assertThatThrownBy(() -> EnvelopeReadAhead.envelope(garbage)).isInstanceOf(MalformedEventException.class)
                .hasMessage(catchMessage(garbage));
        assertThatThrownBy(() -> EnvelopeReadAhead.envelope(null)).isInstanceOf(MalformedEventException.class)
                .hasMessage("record has no value");
    }

    /**
     * A type the channel's projections do not read, named so by the record's header and by the envelope itself, is
     * read without its payload; read whole if the projections read it by the time the channel asks.
     */
    @Test
    void aTypeTheChannelDoesNotReadIsReadWithoutItsPayload() {
        byte[] value = consent();
        Predicate<String> readsStructures = "StructureRegistered"::equals;
        readAhead.configure(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "read-ahead-test"));
        EnvelopeReadAhead.channelReads("read-ahead-test", readsStructures);

        readAhead.onConsume(poll(headed(value, "ConsentGiven")));
        EventEnvelope passedOver = EnvelopeReadAhead.envelope(value, headers("ConsentGiven"), readsStructures);
        readAhead.onConsume(poll(headed(value, "ConsentGiven")));
        EventEnvelope readAfterAll = EnvelopeReadAhead.envelope(value, headers("ConsentGiven"), type -> true);

        assertThat(passedOver.payload()).isSameAs(EventCodec.UNREAD);
        assertThat(passedOver).usingRecursiveComparison().ignoringFields("payload")
                .isEqualTo(EventCodec.decode(value));
        assertThat(readAfterAll).isEqualTo(EventCodec.decode(value));
        assertThat(EventCodec.payload(readAfterAll, ConsentGiven.class).scope())
                .isEqualTo(ConsentGiven.ConsentScope.DATA_PROCESSING);
    }

    /**
     * A record is passed over unread only if it is what its header says: one whose body names another type is read
     * whole, and one whose body is not an envelope fails as any other (the channel dead-letters it).
     */
    @Test
    void aHeaderTheBodyDoesNotBearOutIsNotTrusted() {
        byte[] structure = structure();
        byte[] garbage = "not an envelope".getBytes(StandardCharsets.UTF_8);
        Predicate<String> readsStructures = "StructureRegistered"::equals;

        assertThat(EnvelopeReadAhead.envelope(structure, headers("ConsentGiven"), readsStructures))
                .isEqualTo(EventCodec.decode(structure));
        assertThatThrownBy(() -> EnvelopeReadAhead.envelope(garbage, headers("ConsentGiven"), readsStructures))
                .isInstanceOf(MalformedEventException.class).hasMessage(catchMessage(garbage));
    }

    private static byte[] structure() {
        return EventCodec.encode(new StructureRegistered(UUID.randomUUID(), "C001", "Cap emploi test", "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.parse("2016-01-04T09:00:00Z"), "test", Clock.systemUTC()).bytes();
    }

    private static byte[] consent() {
        return EventCodec.encode(new ConsentGiven(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                ConsentGiven.ConsentScope.DATA_PROCESSING, LocalDate.of(2016, 1, 4),
                ConsentGiven.ConsentModality.SIGNED_FORM), Instant.parse("2016-01-04T09:00:00Z"), "test",
                Clock.systemUTC()).bytes();
    }

    private static Headers headers(String type) {
        return new RecordHeaders().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<Object, Object> headed(byte[] value, String type) {
        return new ConsumerRecord<>("beneficiary.events", 0, 0, ConsumerRecord.NO_TIMESTAMP,
                org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, "key", value, headers(type), java.util.Optional.empty());
    }

    private static ConsumerRecords<Object, Object> poll(ConsumerRecord<Object, Object> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        return new ConsumerRecords<>(Map.of(partition, List.of(record)), Map.of());
    }

    private static String catchMessage(byte[] value) {
        try {
            EventCodec.decode(value);
            throw new AssertionError("read");
        } catch (MalformedEventException e) {
            return e.getMessage();
        }
    }

    private static ConsumerRecords<Object, Object> poll(byte[]... values) {
        TopicPartition partition = new TopicPartition("beneficiary.events", 0);
        List<ConsumerRecord<Object, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), i, "key", values[i]));
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }
}
