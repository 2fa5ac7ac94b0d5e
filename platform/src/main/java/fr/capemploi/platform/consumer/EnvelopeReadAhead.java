package fr.capemploi.platform.consumer;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the envelopes of a poll on the channel's polling thread, as the poll returns them: the library polls ahead
 * while the worker applies the previous batch, so reading the JSON (most of the service's CPU in a rebuild) no longer
 * waits for the previous batch's statements and commit, and the worker finds the envelopes read. A channel enables it
 * with {@code interceptor.classes=fr.capemploi.platform.consumer.EnvelopeReadAhead}; without it, or for a record it
 * could not read, the channel reads the record itself ({@link #envelope}), in the same way, with the same failure.
 * Nothing else changes: what is applied, in which order, and when positions move stay the channel's business.
 * <p>
 * Each record is handed on as a copy that carries its envelope ({@link ReadAhead}) — the records the channel gets are
 * those the poll returned, so the envelope goes with its record and no table of envelopes is kept beside them (a weak-
 * keyed cache did: its puts and removals were 5 % of the polling thread's and the worker's samples) — and whose
 * headers take the connector's own per-record header without decoding ours ({@link ReceivedHeaders}).
 */
public class EnvelopeReadAhead implements ConsumerInterceptor<Object, Object> {

    /**
     * The record's envelope: the one read ahead, handed over once (a batch applied again reads its records again, as
     * a record that was not read ahead is read), otherwise read now.
     */
    static EventEnvelope envelope(ConsumerRecord<?, ?> record) {
        if (record instanceof ReadAhead read) {
            EventEnvelope envelope = read.handOver();
            if (envelope != null) {
                return envelope;
            }
        }
        return EventCodec.decode(record.value() instanceof byte[] value ? value : null);
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        if (records.isEmpty()) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> read = new LinkedHashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<Object, Object>> polled = records.records(partition);
            List<ConsumerRecord<Object, Object>> copies = new ArrayList<>(polled.size());
            for (ConsumerRecord<Object, Object> record : polled) {
                copies.add(new ReadAhead(record, readable(record)));
            }
            read.put(partition, copies);
        }
        return new ConsumerRecords<>(read, records.nextOffsets());
    }

    private static EventEnvelope readable(ConsumerRecord<Object, Object> record) {
        if (record.value() instanceof byte[] value) {
            try {
                return EventCodec.decode(value);
            } catch (RuntimeException notAnEnvelope) {
                // left to the channel, which reads it again and dead-letters it with the reason
            }
        }
        return null;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // positions are stored with the projections, never committed to Kafka
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /** A polled record, the same in every attribute, with its envelope read ahead (null: it could not be). */
    static final class ReadAhead extends ConsumerRecord<Object, Object> {

        /** Written on the polling thread, taken on the channel's worker. */
        private volatile EventEnvelope envelope;

        ReadAhead(ConsumerRecord<Object, Object> polled, EventEnvelope envelope) {
            super(polled.topic(), polled.partition(), polled.offset(), polled.timestamp(), polled.timestampType(),
                    polled.serializedKeySize(), polled.serializedValueSize(), polled.key(), polled.value(),
                    new ReceivedHeaders(polled.headers()), polled.leaderEpoch(), polled.deliveryCount());
            this.envelope = envelope;
        }

        EventEnvelope handOver() {
            EventEnvelope read = envelope;
            envelope = null;
            return read;
        }
    }
}
