package fr.capemploi.reporting.service;

import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.platform.consumer.FeedLag;
import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import fr.capemploi.platform.consumer.ProjectionFeed;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.messaging.ProjectionEvents;
import fr.capemploi.reporting.messaging.ReplayEvents;
import fr.capemploi.reporting.messaging.ReportingProjections;
import fr.capemploi.reporting.repository.GenerationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the projection generations. The active generation answers every query and keeps applying new events from
 * the live channel. A rebuild creates the next generation and feeds it from offset 0 under new consumer names on the
 * replay channel; once it has caught up with the end of every topic, the replay channel lets it go, the live channel
 * takes it over at the positions it reached, and it becomes the active one in a single transaction.
 */
@ApplicationScoped
public class ProjectionGenerations {

    private static final Logger LOG = Logger.getLogger(ProjectionGenerations.class);
    private static final int UPGRADE_TIMEOUT_SECONDS = 3600;

    private final GenerationRepository generations;
    private final ReportingProjections projections;
    private final ProjectionChannels channels;
    private final ProjectionChannel live;
    private final ProjectionChannel replay;
    private final FeedLag lag;
    private final String serviceName;

    private volatile Generation active;
    private volatile Rebuild rebuild;
    private volatile boolean running;

    public ProjectionGenerations(GenerationRepository generations, ReportingProjections projections,
            ProjectionChannels channels, ProjectionEvents liveEvents, ReplayEvents replayEvents, FeedLag lag,
            PlatformConfig config) {
        this.generations = generations;
        this.projections = projections;
        this.channels = channels;
        this.live = liveEvents.channel();
        this.replay = replayEvents.channel();
        this.lag = lag;
        this.serviceName = config.serviceName();
    }

    /** A rebuild in progress or finished: which generation, since when, and whether it has been switched to. */
    public record Rebuild(int generation, Instant startedAt, Instant switchedAt) {
    }

    void start(@Observes StartupEvent startup) {
        // an in-place upgrade of a large generation (backfills, new indexes) takes longer than a request may
        List<Generation> live = QuarkusTransaction.requiringNew().timeout(UPGRADE_TIMEOUT_SECONDS).call(() -> {
            if (generations.active().isEmpty()) {
                generations.create(generations.lastNumber() + 1, Generation.State.ACTIVE);
            }
            // a generation built by an older version of this service gets the tables of the new projections
            for (Generation generation : generations.live()) {
                List<String> added = generations.addMissingTables(generation);
                if (!added.isEmpty()) {
                    LOG.infof("Added %s to %s; their projections read from offset 0", added, generation.schema());
                }
                if (generations.upgradeToVersionedProfiles(generation)) {
                    LOG.infof("Upgraded %s to versioned profiles and counsellor periods", generation.schema());
                }
                generations.addMissingIndexes(generation);
            }
            return generations.live();
        });
        running = true;
        for (Generation generation : live) {
            if (generation.state() == Generation.State.ACTIVE) {
                active = generation;
                this.live.serve(feeds(generation));
            }
        }
        live.stream().filter(g -> g.state() == Generation.State.BUILDING).findFirst().ifPresent(building -> {
            rebuild = new Rebuild(building.number(), Instant.now(), null);
            replay.serve(feeds(building));
            watch(building);
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
    }

    public Generation active() {
        Generation current = active;
        if (current == null) {
            throw new IllegalStateException("The projections are not started yet");
        }
        return current;
    }

    /** The generation being rebuilt, until it is switched to. */
    public Optional<Integer> rebuilding() {
        Rebuild current = rebuild;
        return current == null || current.switchedAt() != null ? Optional.empty() : Optional.of(current.generation());
    }

    public Optional<Rebuild> lastRebuild() {
        return Optional.ofNullable(rebuild);
    }

    /** Starts a rebuild, or returns the one already running. */
    public synchronized Rebuild rebuild() {
        Rebuild current = rebuild;
        if (current != null && current.switchedAt() == null) {
            return current;
        }
        Generation building = QuarkusTransaction.requiringNew().call(() -> {
            for (Generation retired : generations.retiredWithTables()) {
                generations.drop(retired, consumerNames(retired));
            }
            return generations.create(generations.lastNumber() + 1, Generation.State.BUILDING);
        });
        rebuild = new Rebuild(building.number(), Instant.now(), null);
        LOG.infof("Rebuilding the projections into %s from offset 0", building.schema());
        replay.serve(feeds(building));
        watch(building);
        return rebuild;
    }

    /**
     * Drops the generations retired longer than {@code grace} ago (queries that started on them have long finished),
     * rather than keeping them until the next rebuild. @return the generations dropped
     */
    public synchronized List<Integer> dropRetiredBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Generation> retired = generations.retiredBefore(cutoff);
            for (Generation generation : retired) {
                generations.drop(generation, consumerNames(generation));
                LOG.infof("Dropped %s, retired before %s", generation.schema(), cutoff);
            }
            return retired.stream().map(Generation::number).toList();
        });
    }

    private List<ProjectionFeed> feeds(Generation generation) {
        return projections.of(generation).stream().map(p -> channels.feed(p, consumerName(p, generation))).toList();
    }

    /** Switches to {@code building} once it has applied everything the topics held. */
    private void watch(Generation building) {
        Thread watcher = new Thread(() -> {
            boolean warned = false;
            while (running) {
                try {
                    if (lag.known(replay.feeds()).stream().allMatch(p -> p.lag() == 0)) {
                        switchTo(building);
                        return;
                    }
                    warned = false;
                } catch (RuntimeException e) {
                    // once per broker outage, not every 250 ms
                    if (!warned) {
                        LOG.warnf("Cannot measure the rebuild's progress yet: %s", e.getMessage());
                        warned = true;
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "projection-rebuild-" + building.number());
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The replay channel lets the rebuilt generation go once its current batch is applied; the live channel then
     * feeds it from the positions it committed, so no event is skipped or applied twice at the hand-over.
     */
    private synchronized void switchTo(Generation building) {
        Generation previous = active;
        Generation next = new Generation(building.number(), building.schema(), Generation.State.ACTIVE);
        List<ProjectionFeed> rebuilt = replay.feeds();
        live.whileHeld(() -> {
            replay.serve(List.of());
            QuarkusTransaction.requiringNew().run(() -> generations.switchTo(next, previous));
            live.serve(rebuilt);
            active = next;
            return null;
        });
        rebuild = new Rebuild(building.number(), rebuild.startedAt(), Instant.now());
        LOG.infof("Projections now answered by %s; %s retired", next.schema(), previous.schema());
    }

    private String consumerName(EventProjection projection, Generation generation) {
        return serviceName + "." + projection.name() + generation.consumerSuffix();
    }

    private List<String> consumerNames(Generation generation) {
        return projections.of(generation).stream().map(p -> consumerName(p, generation)).toList();
    }
}
