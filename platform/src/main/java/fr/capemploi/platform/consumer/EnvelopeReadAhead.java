package fr.capemploi.platform.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.capemploi.events.CloudEventHeaders;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads the envelopes of a poll on the channel's polling thread, as the poll returns them: the library polls ahead
 * while the worker applies the previous batch, so reading the JSON (most of the service's CPU in a rebuild) no longer
 * waits for the previous batch's statements and commit, and the worker finds the envelopes read. A channel enables it
 * with {@code interceptor.classes=fr.capemploi.platform.consumer.EnvelopeReadAhead}; without it, or for a record it
 * could not read, the channel reads the record itself ({@link #envelope}), in the same way, with the same failure.
 * Nothing else changes: what is applied, in which order, and when positions move stay the channel's business.
 * <p>
 * A record whose {@code ce_type} header names a type none of the channel's projections reads ({@link #passesOver})
 * is read without its payload ({@link EventCodec#attributes}): the channel only needs its id, type and times to pass
 * it over and move its position. Only when the envelope's own type is the header's: a record whose header and body
 * disagree, whose attributes cannot be read, or that has no such header, is read whole, as before, and refused
 * (dead-lettered) if it is not an envelope. So a passed-over record is no longer checked beyond its attributes: its
 * payload is not read at all (it was read, and not refused when its record would not take it, before).
 */
public class EnvelopeReadAhead implements ConsumerInterceptor<Object, Object> {

    /**
     * Keyed by the record's value itself (weak keys compare by identity): an entry goes when its record is applied,
     * or with the record when the library drops it unapplied (a seek, a rebalance).
     */
    private static final Cache<byte[], EventEnvelope> READ = Caffeine.newBuilder().weakKeys().build();

    /** Per consumer group, whether one of its channel's projections reads a type (the channel registers it). */
    private static final Map<String, Predicate<String>> READS = new ConcurrentHashMap<>();

    /** Set by the library from the consumer's configuration; null: every record is read whole. */
    private volatile String groupId;

    /**
     * The channel of consumer group {@code groupId} reads the types {@code reads} accepts, at the moment it is asked
     * (its projections may change): the others' payloads are not read.
     */
    static void channelReads(String groupId, Predicate<String> reads) {
        READS.put(groupId, reads);
    }

    /**
     * The record's envelope, read ahead if it was, otherwise now. A payload read ahead as unread ({@link
     * EventCodec#UNREAD}) is read now if {@code reads} says the type is read after all (the channel's projections
     * changed since the poll).
     */
    static EventEnvelope envelope(byte[] value, Headers headers, Predicate<String> reads) {
        EventEnvelope read = value == null ? null : READ.asMap().remove(value);
        if (read == null) {
            read = readAhead(value, headers, reads);
        }
        if (read == null || read.payload() == EventCodec.UNREAD && reads.test(read.eventType())) {
            return EventCodec.decode(value);
        }
        return read;
    }

    /** The envelope whole, read ahead if it was, otherwise now (a reader that reads every type). */
    static EventEnvelope envelope(byte[] value) {
        return envelope(value, null, type -> true);
    }

    /**
     * The envelope without its payload when the header names a type {@code reads} refuses and the body's type is the
     * header's; otherwise read whole. Null if it is not an envelope (the caller reads it again, to refuse it).
     */
    private static EventEnvelope readAhead(byte[] value, Headers headers, Predicate<String> reads) {
        String type = passesOver(headers, reads);
        if (type != null) {
            EventEnvelope attributes = EventCodec.attributes(value);
            if (attributes != null && attributes.eventType().equals(type)) {
                return attributes;
            }
        }
        try {
            return EventCodec.decode(value);
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }

    /** The type the record's header names, if {@code reads} refuses it; null otherwise (or without the header). */
    private static String passesOver(Headers headers, Predicate<String> reads) {
        Header header = headers == null ? null : headers.lastHeader(CloudEventHeaders.TYPE);
        if (header == null || header.value() == null) {
            return null;
        }
        String type = new String(header.value(), StandardCharsets.UTF_8);
        return reads.test(type) ? null : type;
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        String group = groupId;
        Predicate<String> reads = group == null ? null : READS.get(group);
        for (ConsumerRecord<Object, Object> record : records) {
            if (record.value() instanceof byte[] value) {
                EventEnvelope read = readAhead(value, record.headers(), reads == null ? type -> true : reads);
                if (read != null) {
                    READ.put(value, read);
                }
                // else left to the channel, which reads it again and dead-letters it with the reason
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
        Object group = configs.get(ConsumerConfig.GROUP_ID_CONFIG);
        groupId = group == null ? null : group.toString();
    }
}
