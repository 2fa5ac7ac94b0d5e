package fr.capemploi.platform.consumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Positions live in the projection's database, committed with the change they produced; Kafka's committed offsets
 * are never used. On assignment the consumer is placed where the channel's projections stopped.
 */
@ApplicationScoped
@Identifier(StoredPositions.NAME)
public class StoredPositions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "projection-positions";

    private final ProjectionChannels channels;

    public StoredPositions(ProjectionChannels channels) {
        this.channels = channels;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ProjectionChannel channel = channels.byGroup(consumer.groupMetadata().groupId());
        if (channel != null) {
            channel.place(consumer, partitions);
        }
        // a channel not opened yet places itself on its first batch (ProjectionChannel#select)
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ProjectionChannel channel = channels.byGroup(consumer.groupMetadata().groupId());
        if (channel != null) {
            channel.revoked(partitions);
        }
    }
}
