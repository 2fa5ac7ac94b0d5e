package fr.capemploi.platform.consumer;

import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.TopicNames;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** How far each projection is behind its topics: the position stored with the projection against the log end. */
@ApplicationScoped
public class FeedLag {

    private final ProjectionChannels feeds;
    private final ConsumerPositions positions;
    private final KafkaClients kafkaClients;
    private final TopicNames topicNames;
    private final long timeoutMillis;

    public FeedLag(ProjectionChannels feeds, ConsumerPositions positions, KafkaClients kafkaClients, TopicNames topicNames,
            fr.capemploi.platform.config.PlatformConfig config) {
        this.feeds = feeds;
        this.positions = positions;
        this.kafkaClients = kafkaClients;
        this.topicNames = topicNames;
        // as long as before a broker outage was answered (a first call on a loaded machine builds the admin client);
        // during an outage one status call waits this once, the other topics are not asked
        this.timeoutMillis = Math.max(5_000, config.kafka().healthTimeout().toMillis());
    }

    /** {@code endOffset} and {@code lag} are {@link #UNKNOWN} when the broker could not be asked. */
    public record PartitionLag(String consumer, String topic, int partition, long offset, long endOffset, long lag,
            Instant lastEventAt) {

        public boolean endKnown() {
            return endOffset != UNKNOWN;
        }
    }

    public static final long UNKNOWN = -1;

    /**
     * Every feed of every channel (a generation being rebuilt included). Answers without the broker: the positions come
     * from the database, and the end offsets and lags are then {@link #UNKNOWN}.
     */
    public List<PartitionLag> current() {
        return of(feeds.feeds());
    }

    /** The partitions of every feed, and whether the broker answered (with no position stored, nothing else says). */
    public record Snapshot(List<PartitionLag> partitions, boolean brokerAnswered) {
    }

    /** The partitions of {@code selected}, e.g. the feeds a status reports as one with the roles they play. */
    public Snapshot snapshot(List<ProjectionFeed> selected) {
        return measure(selected, false);
    }

    /** Lag of the given feeds only, e.g. those of a projection generation being rebuilt (unknown without broker). */
    public List<PartitionLag> of(List<ProjectionFeed> selected) {
        return measure(selected, false).partitions();
    }

    /**
     * As {@link #of}, for a decision that needs the end offsets (has a rebuild caught up?): with no answer from the
     * broker, an empty or partial list would look caught up.
     * @throws IllegalStateException when the broker cannot be asked for its end offsets
     */
    public List<PartitionLag> known(List<ProjectionFeed> selected) {
        return measure(selected, true).partitions();
    }

    private Snapshot measure(List<ProjectionFeed> selected, boolean strict) {
        List<PartitionLag> result = new ArrayList<>();
        // every topic's end offsets in one question to the broker, every feed's positions in one statement: a status
        // and a rebuild's watcher look several times a second, and one question and transaction per topic and feed
        // was most of what a look cost the service, PostgreSQL and the broker
        Set<String> topics = new LinkedHashSet<>();
        selected.forEach(feed -> topics.addAll(feed.projection().topics()));
        Map<String, Map<Integer, Long>> endsByTopic;
        boolean brokerAnswered = true;
        try {
            endsByTopic = endOffsets(topics);
        } catch (IllegalStateException e) {
            if (strict) {
                throw e;
            }
            // during an outage one status call waits for one timeout, then answers from the positions alone
            endsByTopic = Map.of();
            brokerAnswered = false;
        }
        Map<String, Map<String, Map<Integer, ConsumerPositions.Position>>> stored = QuarkusTransaction.requiringNew()
                .call(() -> positions.positions(selected.stream().map(ProjectionFeed::consumerName).toList()));
        for (ProjectionFeed feed : selected) {
            for (String logical : feed.projection().topics()) {
                Map<Integer, ConsumerPositions.Position> positionsOf = stored
                        .getOrDefault(feed.consumerName(), Map.of()).getOrDefault(logical, Map.of());
                Map<Integer, Long> ends = endsByTopic.get(logical);
                SortedSet<Integer> partitions = new TreeSet<>(positionsOf.keySet());
                if (ends != null) {
                    partitions.addAll(ends.keySet());
                }
                for (int partition : partitions) {
                    ConsumerPositions.Position position = positionsOf.get(partition);
                    long offset = position == null ? 0 : position.nextOffset();
                    Long end = ends == null ? null : ends.get(partition);
                    result.add(new PartitionLag(feed.consumerName(), logical, partition, offset,
                            end == null ? UNKNOWN : end, end == null ? UNKNOWN : Math.max(0, end - offset),
                            position == null ? null : position.lastEventAt()));
                }
            }
        }
        result.sort(Comparator.comparing(PartitionLag::consumer).thenComparing(PartitionLag::topic)
                .thenComparingInt(PartitionLag::partition));
        return new Snapshot(result, brokerAnswered);
    }

    /**
     * The end offset of every partition of these topics (logical names), by topic; a topic the broker does not know
     * has none (an empty map). @throws IllegalStateException when the broker does not answer in time
     */
    private Map<String, Map<Integer, Long>> endOffsets(Set<String> logicalTopics) {
        Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
        if (logicalTopics.isEmpty()) {
            return byTopic;
        }
        Map<String, String> logicalOf = new HashMap<>();
        logicalTopics.forEach(logical -> logicalOf.put(topicNames.physical(logical), logical));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            Admin client = kafkaClients.admin();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> described : client.describeTopics(logicalOf.keySet())
                    .topicNameValues().entrySet()) {
                String logical = logicalOf.get(described.getKey());
                byTopic.put(logical, new HashMap<>());
                try {
                    described.getValue().get(remaining(deadline), TimeUnit.NANOSECONDS).partitions().forEach(
                            p -> request.put(new TopicPartition(described.getKey(), p.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new IllegalStateException("Cannot describe " + described.getKey() + ": "
                                + e.getCause().getMessage(), e);
                    }
                }
            }
            if (!request.isEmpty()) {
                client.listOffsets(request).all().get(remaining(deadline), TimeUnit.NANOSECONDS).forEach(
                        (partition, info) -> byTopic.get(logicalOf.get(partition.topic()))
                                .put(partition.partition(), info.offset()));
            }
            return byTopic;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + logicalOf.keySet() + ": "
                    + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not answer for " + logicalOf.keySet(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
