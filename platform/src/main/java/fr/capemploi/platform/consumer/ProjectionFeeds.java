package fr.capemploi.platform.consumer;

import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.config.TopicNames;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Starts one feed thread per {@link EventProjection} bean of the service, and stops them on shut-down. */
@ApplicationScoped
public class ProjectionFeeds {

    private static final Logger LOG = Logger.getLogger(ProjectionFeeds.class);

    private final Instance<EventProjection> projections;
    private final KafkaClients kafkaClients;
    private final TopicNames topicNames;
    private final ConsumerPositions positions;
    private final DeadLetters deadLetters;
    private final AgroalDataSource dataSource;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    private final List<ProjectionFeed> feeds = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public ProjectionFeeds(Instance<EventProjection> projections, KafkaClients kafkaClients, TopicNames topicNames,
            ConsumerPositions positions, DeadLetters deadLetters, AgroalDataSource dataSource, PlatformConfig config,
            MeterRegistry registry) {
        this.projections = projections;
        this.kafkaClients = kafkaClients;
        this.topicNames = topicNames;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.consumer().enabled()) {
            LOG.info("Event consumers disabled by configuration");
            return;
        }
        for (EventProjection projection : projections) {
            start(projection, config.serviceName() + "." + projection.name());
        }
    }

    /** Starts a feed under an explicit consumer name, e.g. a rebuild reading from offset 0 under a new name. */
    public synchronized ProjectionFeed start(EventProjection projection, String consumerName) {
        ProjectionFeed feed = new ProjectionFeed(projection, consumerName, kafkaClients, topicNames, positions,
                deadLetters, dataSource, config.consumer(), registry);
        Thread thread = new Thread(feed, "projection-" + consumerName);
        thread.setDaemon(true);
        thread.start();
        feeds.add(feed);
        threads.add(thread);
        return feed;
    }

    public synchronized List<ProjectionFeed> feeds() {
        return List.copyOf(feeds);
    }

    /** Stops one feed and waits for its thread, e.g. the feeds of a projection generation being retired. */
    public void stop(ProjectionFeed feed) {
        Thread thread;
        synchronized (this) {
            int index = feeds.indexOf(feed);
            if (index < 0) {
                return;
            }
            feeds.remove(index);
            thread = threads.remove(index);
        }
        feed.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        List<Thread> toJoin;
        synchronized (this) {
            feeds.forEach(ProjectionFeed::stop);
            toJoin = List.copyOf(threads);
        }
        for (Thread thread : toJoin) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
