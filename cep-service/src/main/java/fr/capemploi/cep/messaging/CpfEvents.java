package fr.capemploi.cep.messaging;

import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads `cpf.events` into the directory of training projects an action may link to. */
@Startup
@ApplicationScoped
public class CpfEvents {

    private final ProjectionChannel channel;

    public CpfEvents(ProjectionChannels channels, TrainingProjectDirectoryProjection projection) {
        this.channel = channels.open("training-project-directory", List.of(channels.feed(projection)));
    }

    @Incoming("training-project-directory")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
