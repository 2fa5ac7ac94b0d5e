package fr.capemploi.platform.consumer;

import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.TopicNames;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
    private Admin admin;

    public FeedLag(ProjectionChannels feeds, ConsumerPositions positions, KafkaClients kafkaClients, TopicNames topicNames) {
        this.feeds = feeds;
        this.positions = positions;
        this.kafkaClients = kafkaClients;
        this.topicNames = topicNames;
    }

    public record PartitionLag(String consumer, String topic, int partition, long offset, long endOffset, long lag,
            Instant lastEventAt) {
    }

    /** @throws IllegalStateException when the broker cannot be asked for its end offsets */
    public List<PartitionLag> current() {
        return of(feeds.feeds());
    }

    /** Lag of the given feeds only, e.g. those of a projection generation being rebuilt. */
    public List<PartitionLag> of(List<ProjectionFeed> selected) {
        List<PartitionLag> result = new ArrayList<>();
        for (ProjectionFeed feed : selected) {
            for (String logical : feed.projection().topics()) {
                Map<Integer, Long> ends = endOffsets(topicNames.physical(logical));
                Map<Integer, ConsumerPositions.Position> stored = QuarkusTransaction.requiringNew()
                        .call(() -> positions.positions(feed.consumerName(), logical));
                ends.forEach((partition, end) -> {
                    ConsumerPositions.Position position = stored.get(partition);
                    long offset = position == null ? 0 : position.nextOffset();
                    result.add(new PartitionLag(feed.consumerName(), logical, partition, offset, end,
                            Math.max(0, end - offset), position == null ? null : position.lastEventAt()));
                });
            }
        }
        result.sort(Comparator.comparing(PartitionLag::consumer).thenComparing(PartitionLag::topic)
                .thenComparingInt(PartitionLag::partition));
        return result;
    }

    private Map<Integer, Long> endOffsets(String topic) {
        try {
            Admin client = admin();
            Map<String, TopicDescription> described = client.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(request).all()
                    .get(5, TimeUnit.SECONDS);
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

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafkaClients.admin();
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close();
        }
    }
}
