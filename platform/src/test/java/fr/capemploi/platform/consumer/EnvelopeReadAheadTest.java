package fr.capemploi.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.beneficiary.StructureRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The envelopes read on the polling thread are the ones the channel applies; what cannot be read is left to it. */
class EnvelopeReadAheadTest {

    private final EnvelopeReadAhead readAhead = new EnvelopeReadAhead();

    @Test
    void anEnvelopeReadAheadIsHandedOverOnceThenReadAgainIfAskedAgain() {
        UUID structure = UUID.randomUUID();
        byte[] value = EventCodec.encode(new StructureRegistered(structure, "C001", "Cap emploi test", "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.parse("2016-01-04T09:00:00Z"), "test", Clock.systemUTC()).bytes();

        ConsumerRecord<Object, Object> record = only(readAhead.onConsume(poll(value)));
        EventEnvelope handedOver = EnvelopeReadAhead.envelope(record);
        EventEnvelope readAgain = EnvelopeReadAhead.envelope(record);

        assertThat(handedOver).isEqualTo(EventCodec.decode(value));
        assertThat(readAgain).isEqualTo(handedOver).isNotSameAs(handedOver);
        assertThat(EventCodec.payload(handedOver, StructureRegistered.class).structureId()).isEqualTo(structure);
    }

    @Test
    void aRecordThatIsNotAnEnvelopeFailsWhenTheChannelReadsIt() {
        byte[] garbage = "not an envelope".getBytes(StandardCharsets.UTF_8);

        List<ConsumerRecord<Object, Object>> read = new java.util.ArrayList<>();
        readAhead.onConsume(poll(garbage, null)).forEach(read::add);

        assertThatThrownBy(() -> EnvelopeReadAhead.envelope(read.get(0))).isInstanceOf(MalformedEventException.class)
                .hasMessage(catchMessage(garbage));
        assertThatThrownBy(() -> EnvelopeReadAhead.envelope(read.get(1))).isInstanceOf(MalformedEventException.class)
                .hasMessage("record has no value");
    }

    @Test
    void theRecordsHandedOnAreThePolledOnesInEveryAttribute() {
        TopicPartition partition = new TopicPartition("cep.events", 3);
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "StructureRegistered".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<Object, Object> polled = new ConsumerRecord<>(partition.topic(), partition.partition(), 42L,
                1_480_000_000_000L, TimestampType.CREATE_TIME, 36, 7, "key", "garbage".getBytes(StandardCharsets.UTF_8),
                headers, Optional.of(5), Optional.empty());
        Map<TopicPartition, OffsetAndMetadata> next = Map.of(partition, new OffsetAndMetadata(43L));

        ConsumerRecords<Object, Object> handedOn = readAhead.onConsume(
                new ConsumerRecords<>(Map.of(partition, List.of(polled)), next));

        ConsumerRecord<Object, Object> record = only(handedOn);
        assertThat(handedOn.nextOffsets()).isEqualTo(next);
        assertThat(record).usingRecursiveComparison().ignoringFields("headers", "envelope").isEqualTo(polled);
        assertThat(record.headers().toArray()).containsExactly(headers.toArray());
    }

    private static ConsumerRecord<Object, Object> only(ConsumerRecords<Object, Object> records) {
        assertThat(records.count()).isEqualTo(1);
        return records.iterator().next();
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
