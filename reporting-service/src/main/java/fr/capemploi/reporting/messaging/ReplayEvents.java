package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The rebuild channel: feeds a generation being rebuilt from offset 0, and idles at the end of the topics otherwise. Which generation it feeds is set by {@code ProjectionGenerations}. */
@ApplicationScoped
public class ReplayEvents {

    private final ProjectionChannel channel;

    /**
     * @param pipelined whether a batch's events are applied while the previous batch is sent and committed (a rebuild
     *                  otherwise keeps one core of two busy: the service's work and the database's in turn)
     */
    public ReplayEvents(ProjectionChannels channels,
            @ConfigProperty(name = "reporting.projection.replay-pipelined", defaultValue = "true") boolean pipelined) {
        this.channel = pipelined ? channels.openPipelined("projections-replay", List.of())
                : channels.open("projections-replay", List.of());
    }

    public ProjectionChannel channel() {
        return channel;
    }

    @Incoming("projections-replay")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
