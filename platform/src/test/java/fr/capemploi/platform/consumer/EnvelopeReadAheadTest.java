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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
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
