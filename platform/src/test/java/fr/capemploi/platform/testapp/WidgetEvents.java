package fr.capemploi.platform.testapp;

import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The test service's one projection channel, as a real service declares its own. */
@Startup
@ApplicationScoped
public class WidgetEvents {

    private final ProjectionChannel channel;

    public WidgetEvents(ProjectionChannels channels, WidgetProjection widgets) {
        this.channel = channels.open("widgets", List.of(channels.feed(widgets)));
    }

    @Incoming("widgets")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
