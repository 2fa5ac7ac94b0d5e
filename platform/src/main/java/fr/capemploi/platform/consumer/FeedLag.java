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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

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
        // one question per topic and call; once the broker failed to answer, the other topics are not asked either,
        // so a status request during an outage costs one timeout, not one per topic and feed
        Map<String, Map<Integer, Long>> endsByTopic = new HashMap<>();
        boolean[] brokerAnswers = {true};
        for (ProjectionFeed feed : selected) {
            for (String logical : feed.projection().topics()) {
                Map<Integer, Long> ends = endsByTopic.computeIfAbsent(logical, topic -> {
                    if (!brokerAnswers[0]) {
                        return null;
                    }
                    try {
                        return endOffsets(topicNames.physical(topic));
                    } catch (IllegalStateException e) {
                        if (strict) {
                            throw e;
                        }
                        brokerAnswers[0] = false;
                        return null;
                    }
                });
                Map<Integer, ConsumerPositions.Position> stored = QuarkusTransaction.requiringNew()
                        .call(() -> positions.positions(feed.consumerName(), logical));
                java.util.SortedSet<Integer> partitions = new java.util.TreeSet<>(stored.keySet());
                if (ends != null) {
                    partitions.addAll(ends.keySet());
                }
                for (int partition : partitions) {
                    ConsumerPositions.Position position = stored.get(partition);
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
        return new Snapshot(result, brokerAnswers[0]);
    }

    private Map<Integer, Long> endOffsets(String topic) {
        try {
            Admin client = kafkaClients.admin();
            Map<String, TopicDescription> described = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(request).all()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            Map<Integer, Long> byPartition = new HashMap<>();
            ends.forEach((partition, info) -> byPartition.put(partition.partition(), info.offset()));
            return byPartition;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw new IllegalStateException("Cannot read the end offsets of " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not answer for " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
