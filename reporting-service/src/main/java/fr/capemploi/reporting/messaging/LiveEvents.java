package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The live channel: feeds the active generation of projections with every new event. Which generation it feeds is set by {@code ProjectionGenerations}. */
@ApplicationScoped
public class LiveEvents {

    private final ProjectionChannel channel;

    public LiveEvents(ProjectionChannels channels) {
        this.channel = channels.open("projections", List.of());
    }

    public ProjectionChannel channel() {
        return channel;
    }

    @Incoming("projections")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
