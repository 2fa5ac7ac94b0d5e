package fr.capemploi.platform.testapp;

import fr.capemploi.events.Topics;
import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import fr.capemploi.platform.consumer.ProjectionFeed;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A pipelined channel with two applying connections, as the reporting service's replay channel: two projections
 * that queue their statements and commit their shares of a batch apart, side by side, one transaction each. It reads a topic of its own
 * (the CEP one, which no other platform test writes to), so that the widget channel's poison records stay that
 * channel's. It idles between tests.
 */
@Startup
@ApplicationScoped
public class QueuedWidgetEvents {

    private final ProjectionChannel channel;
    private final List<QueuedWidgetProjection> projections;
    private final List<ProjectionFeed> feeds;

    public QueuedWidgetEvents(ProjectionChannels channels, EntityManager entityManager) {
        this.projections = List.of(new QueuedWidgetProjection("queued-a", Topics.CEP, entityManager),
                new QueuedWidgetProjection("queued-b", Topics.CEP, entityManager));
        this.feeds = projections.stream().map(channels::feed).toList();
        // idle until a test serves the projections, as the replay channel between rebuilds: the other tests' look at
        // the feeds' lag sees only theirs
        this.channel = channels.openPipelined("queued-widgets", List.of(), 2);
    }

    /** The channel feeds its projections from now on, from the positions they committed. */
    public void serve() {
        channel.serve(feeds);
    }

    /** The channel feeds nothing from now on, once the batch in flight, every share of it, has committed. */
    public void idle() {
        channel.serve(List.of());
    }

    public List<QueuedWidgetProjection> projections() {
        return projections;
    }

    @Incoming("queued-widgets")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
