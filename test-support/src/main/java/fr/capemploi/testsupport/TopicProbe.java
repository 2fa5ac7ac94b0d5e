package fr.capemploi.testsupport;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its beginning, as an independent consumer would, to see what a service really published. One
 * consumer per topic for the JVM keeps what it has read and only reads on from there: the tests poll a topic every
 * quarter of a second until an event arrives, and a new consumer reading the whole topic each time cost a connection,
 * the topic's metadata and every record the module's tests had published so far, again and again.
 */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** The records of one topic read so far, in the order read, with those already decoded. */
    private static final class Reader {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<org.apache.kafka.common.TopicPartition> partitions;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        private final List<EventEnvelope> decoded = new ArrayList<>();

        Reader(KafkaConsumer<String, byte[]> consumer, List<org.apache.kafka.common.TopicPartition> partitions) {
            this.consumer = consumer;
            this.partitions = partitions;
        }

        /** Reads on until the end offsets taken now: every record of the topic at this moment. */
        synchronized List<ConsumerRecord<String, byte[]>> readToEnd(String physicalTopic) {
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + physicalTopic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return List.copyOf(records);
        }

        synchronized List<EventEnvelope> eventsToEnd(String physicalTopic) {
            List<ConsumerRecord<String, byte[]>> all = readToEnd(physicalTopic);
            for (int i = decoded.size(); i < all.size(); i++) {
                decoded.add(EventCodec.fromBytes(all.get(i).value()));
            }
            return List.copyOf(decoded.subList(0, all.size()));
        }
    }

    /** By broker and topic: a JVM whose tests start a new broker reads that one's topics anew. */
    private static final Map<String, Reader> READERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Reader reader(String physicalTopic) {
        String servers = TestKafka.bootstrapServers();
        return READERS.computeIfAbsent(servers + " " + physicalTopic, key -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer());
            var partitions = consumer.partitionsFor(physicalTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> consumer.close(Duration.ofSeconds(1)),
                    "topic-probe-close"));
            return new Reader(consumer, partitions);
        });
    }

    /** Every record of the topic now, read until the end offsets taken at the start. */
    public static List<ConsumerRecord<String, byte[]>> records(String physicalTopic) {
        return reader(physicalTopic).readToEnd(physicalTopic);
    }

    public static List<EventEnvelope> events(String physicalTopic) {
        return reader(physicalTopic).eventsToEnd(physicalTopic);
    }

    /**
     * Waits until at least one event matching {@code filter} is on the topic and returns all of them. A look reads
     * only what arrived since the last one, so it looks as often as the services' directories do.
     */
    public static List<EventEnvelope> awaitEvents(String physicalTopic, Predicate<EventEnvelope> filter) {
        List<EventEnvelope> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            events(physicalTopic).stream().filter(filter).forEach(found::add);
            return !found.isEmpty();
        });
        return found;
    }
}
