package fr.capemploi.platform.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
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
 */
public class EnvelopeReadAhead implements ConsumerInterceptor<Object, Object> {

    /**
     * Keyed by the record's value itself (weak keys compare by identity): an entry goes when its record is applied,
     * or with the record when the library drops it unapplied (a seek, a rebalance).
     */
    private static final Cache<byte[], EventEnvelope> READ = Caffeine.newBuilder().weakKeys().build();

    /** The record's envelope, read ahead if it was, otherwise now. */
    static EventEnvelope envelope(byte[] value) {
        EventEnvelope read = value == null ? null : READ.asMap().remove(value);
        return read != null ? read : EventCodec.decode(value);
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            if (record.value() instanceof byte[] value) {
                try {
                    READ.put(value, EventCodec.decode(value));
                } catch (RuntimeException notAnEnvelope) {
                    // left to the channel, which reads it again and dead-letters it with the reason
                }
            }
        }
        return records;
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
}
