package fr.capemploi.platform.consumer;

import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.config.TopicNames;
import fr.capemploi.platform.problem.DatabaseOutage;
import fr.capemploi.platform.config.LatencyBuckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * The projection channels of a service. A service's consumer bean (an {@code @Incoming} method taking the polled
 * {@code ConsumerRecords}) opens its channel here and hands every batch to it; the channel's rebalance listener
 * ({@link StoredPositions}) finds it here by consumer group.
 */
@ApplicationScoped
public class ProjectionChannels {

    private final KafkaClientService kafkaClients;
    private final TopicNames topicNames;
    private final ConsumerPositions positions;
    private final DeadLetters deadLetters;
    private final DatabaseOutage database;
    private final PlatformConfig config;
    private final MeterRegistry registry;
    private final Config rawConfig;
    private final Map<String, ProjectionChannel> byChannel = new ConcurrentHashMap<>();

    public ProjectionChannels(KafkaClientService kafkaClients, TopicNames topicNames, ConsumerPositions positions,
            DeadLetters deadLetters, DatabaseOutage database, PlatformConfig config, MeterRegistry registry,
            Config rawConfig) {
        this.kafkaClients = kafkaClients;
        this.topicNames = topicNames;
        this.positions = positions;
        this.deadLetters = deadLetters;
        this.database = database;
        this.config = config;
        this.registry = registry;
        this.rawConfig = rawConfig;
    }

    /** The feed of a projection under its usual consumer name: {@code <service>.<projection>}. */
    public ProjectionFeed feed(EventProjection projection) {
        return feed(projection, config.serviceName() + "." + projection.name());
    }

    /** The feed of a projection under an explicit consumer name, e.g. one generation of a rebuilt projection. */
    public ProjectionFeed feed(EventProjection projection, String consumerName) {
        return new ProjectionFeed(projection, consumerName, topicNames, positions, registry);
    }

    /**
     * Opens a channel feeding the given projections. Fails at start-up if the channel's configured topics miss one
     * a projection reads: an unread topic would otherwise only show as figures that never move.
     */
    public ProjectionChannel open(String channel, List<ProjectionFeed> feeds) {
        return open(channel, feeds, false);
    }

    /**
     * {@link #open}, the channel applying in two stages: a batch's events are applied by the projections (their
     * statements queued) on the channel's worker while the previous batch is sent and committed on a thread of the
     * channel's own, so that the service's work and the database's overlap (a rebuild used one core of two). Only for
     * projections that {@link EventProjection#queuesUntilFlush}; a channel serving any other applies in one stage.
     * Positions, processed-event log, dead letters and back-off are as in one stage (see
     * {@link ProjectionChannel#deliver}).
     */
    public ProjectionChannel openPipelined(String channel, List<ProjectionFeed> feeds) {
        return open(channel, feeds, true);
    }

    private ProjectionChannel open(String channel, List<ProjectionFeed> feeds, boolean pipelined) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        String groupId = rawConfig.getValue(prefix + "group.id", String.class);
        List<String> topics = List.of(rawConfig.getOptionalValue(prefix + "topics", String.class)
                .or(() -> rawConfig.getOptionalValue(prefix + "topic", String.class)).orElse(channel).split(","));
        Counter deadLettered = Counter.builder("projection.events.dead.lettered").tag("channel", channel)
                .register(registry);
        ProjectionChannel opened = new ProjectionChannel(channel, groupId, Set.copyOf(topics), kafkaClients,
                deadLetters, positions, database, config.consumer(), deadLettered,
                Counter.builder("projection.channel.batches.retried").tag("channel", channel)
                        .description("Batches applied again after their transaction failed").register(registry),
                new ProjectionChannel.Arrivals(
                        DistributionSummary.builder("projection.channel.batch.records").tag("channel", channel)
                                .description("Records per polled batch handed to the channel").register(registry),
                        Timer.builder("projection.channel.delivery.wait").tag("channel", channel)
                                .description("From a record's send by its producer to the start of its batch's apply")
                                .serviceLevelObjectives(LatencyBuckets.bounds()).register(registry)), pipelined);
        opened.open(feeds);
        if (byChannel.putIfAbsent(channel, opened) != null) {
            throw new IllegalStateException("Channel " + channel + " opened twice");
        }
        return opened;
    }

    /** Every feed currently served, for lag and status. */
    public List<ProjectionFeed> feeds() {
        List<ProjectionFeed> all = new ArrayList<>();
        byChannel.values().forEach(channel -> all.addAll(channel.feeds()));
        return all;
    }

    ProjectionChannel byGroup(String groupId) {
        return byChannel.values().stream().filter(c -> c.groupId().equals(groupId)).findFirst().orElse(null);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        byChannel.values().forEach(ProjectionChannel::stop);
    }
}
