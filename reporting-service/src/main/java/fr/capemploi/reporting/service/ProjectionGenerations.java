package fr.capemploi.reporting.service;

import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.platform.consumer.FeedLag;
import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import fr.capemploi.platform.consumer.ProjectionFeed;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.messaging.LiveEvents;
import fr.capemploi.reporting.messaging.ReplayEvents;
import fr.capemploi.reporting.messaging.ReportingProjections;
import fr.capemploi.reporting.repository.GenerationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The number whose schema this instance prepared last ({@link #prepareNext}). */
    private volatile int preparedAhead;
    /** Null until {@link #start}; replaced whole, never changed in place (see {@link Roles}). */
    private volatile Roles roles;
    private volatile boolean running;

    public ProjectionGenerations(GenerationRepository generations, ReportingProjections projections,
            ProjectionChannels channels, LiveEvents liveEvents, ReplayEvents replayEvents, FeedLag lag,
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

    /**
     * Which generation answers, the last rebuild, and the feeds the channels serve, published together once the
     * channels serve them: a status reads one of these, so it sees a switch before or after, never the live channel
     * already feeding the new generation while the old one is still the active one (whose partitions would then all
     * show as the rebuild's).
     */
    public record Roles(Generation active, Rebuild lastRebuild, List<ProjectionFeed> feeds) {

        /** The generation being rebuilt, until it is switched to. */
        public Optional<Integer> rebuilding() {
            return lastRebuild == null || lastRebuild.switchedAt() != null ? Optional.empty()
                    : Optional.of(lastRebuild.generation());
        }
    }

    /**
     * Migrates the live generations and feeds them. A generation built before the projection schema's baseline (its
     * history stops below V13, or it has none) cannot be migrated any more: the active one keeps answering from what
     * it holds, unfed (this version's statements do not fit its tables), while a rebuild from offset 0 builds its
     * successor, which the usual switch makes active once caught up; a generation being rebuilt is abandoned and the
     * rebuild starts again.
     */
    void start(@Observes StartupEvent startup) {
        List<Generation> stale = new ArrayList<>();
        List<Generation> live = QuarkusTransaction.requiringNew().timeout(UPGRADE_TIMEOUT_SECONDS).call(() -> {
            // two instances starting together must not both create the first generation or abandon the same one
            generations.lock();
            if (generations.active().isEmpty()) {
                generations.create(generations.lastNumber() + 1, Generation.State.ACTIVE);
            }
            for (Generation generation : generations.live()) {
                if (!generations.migratable(generation)) {
                    stale.add(generation);
                    if (generation.state() == Generation.State.BUILDING) {
                        generations.abandon(generation);
                    }
                }
            }
            return generations.live();
        });
        // the migrations added since a generation was built, each in Flyway's own transaction
        for (Generation generation : live) {
            if (!stale.contains(generation)) {
                generations.migrate(generation);
            }
        }
        running = true;
        for (Generation generation : live) {
            if (generation.state() == Generation.State.ACTIVE) {
                if (stale.contains(generation)) {
                    LOG.warnf("%s was built before the projection schema's baseline and cannot be migrated: it answers "
                            + "unfed until its rebuild catches up", generation.schema());
                } else {
                    this.live.serve(feeds(generation));
                }
                publish(generation, null);
            }
        }
        Optional<Generation> building = live.stream().filter(g -> g.state() == Generation.State.BUILDING).findFirst();
        if (building.isPresent()) {
            feedRebuild(building.get());
        } else if (!stale.isEmpty()) {
            LOG.infof("Rebuilding in place of %s, built before the projection schema's baseline",
                    stale.stream().map(Generation::schema).toList());
            rebuild();
        } else {
            prepareNext(false);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
    }

    public Generation active() {
        return roles().active();
    }

    /** What a status reports, as one: the generations' roles and the feeds that go with them. */
    public Roles roles() {
        Roles current = roles;
        if (current == null) {
            throw new IllegalStateException("The projections are not started yet");
        }
        return current;
    }

    /** The generation being rebuilt, until it is switched to. */
    public Optional<Integer> rebuilding() {
        Roles current = roles;
        return current == null ? Optional.empty() : current.rebuilding();
    }

    public Optional<Rebuild> lastRebuild() {
        Roles current = roles;
        return current == null ? Optional.empty() : Optional.ofNullable(current.lastRebuild());
    }

    /** Called once the channels serve what {@code active} and {@code rebuild} say (or nothing changed in them). */
    private void publish(Generation active, Rebuild rebuild) {
        roles = new Roles(active, rebuild, List.copyOf(channels.feeds()));
    }

    /** Starts a rebuild, or returns the one already running (started by this instance or another one). */
    public synchronized Rebuild rebuild() {
        Optional<Rebuild> current = lastRebuild();
        if (current.isPresent() && current.get().switchedAt() == null) {
            return current.get();
        }
        long requested = System.nanoTime();
        Generation building = QuarkusTransaction.requiringNew().call(() -> {
            generations.lock();
            Optional<Generation> running = generations.building();
            if (running.isPresent()) {
                return running.get();
            }
            return generations.create(generations.lastNumber() + 1, Generation.State.BUILDING);
        });
        long created = System.nanoTime();
        feedRebuild(building);
        LOG.infof("%s fed from offset 0: the request took %.2f s to create it, %.2f s to hand it to the replay "
                + "channel", building.schema(), (created - requested) / 1e9, (System.nanoTime() - created) / 1e9);
        // the retired generations' drop and the next schema's migration, which the request and the switch paid (the
        // next request waited for the migration after a switch: 0.2-0.3 s of a quiet rebuild's start), now while
        // this one applies, when a core is partly idle
        prepareNext(true);
        return roles.lastRebuild();
    }

    /**
     * Prepares the schema of the generation the next rebuild will create ({@link GenerationRepository#prepare}), on a
     * thread of its own: the migrations a rebuild's start would apply are applied now, when nothing waits for them
     * (as soon as a rebuild has created its generation — the next number is then the one after it —, at start-up
     * with no rebuild to feed, and after a switch that was not prepared for), and the rebuild only checks them. With
     * {@code dropRetired}, first the retired generations' tables and bookkeeping, which a rebuild's request dropped
     * while the caller waited. Under the generations lock: a rebuild asked for meanwhile waits for the preparation,
     * then finds its schema made. Should it fail (the database away), the rebuild migrates the schema itself, as
     * before, and a retired generation is dropped at the next rebuild or when its grace has passed.
     */
    private void prepareNext(boolean dropRetired) {
        Thread preparer = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    generations.lock();
                    long start = System.nanoTime();
                    if (dropRetired) {
                        List<Generation> retired = generations.retiredWithTables();
                        for (Generation generation : retired) {
                            generations.drop(generation, consumerNames(generation));
                        }
                        if (!retired.isEmpty()) {
                            LOG.infof("Dropped %s, retired, in %.2f s", retired.stream().map(Generation::schema)
                                    .toList(), (System.nanoTime() - start) / 1e9);
                        }
                    }
                    long prepare = System.nanoTime();
                    int next = generations.lastNumber() + 1;
                    if (generations.prepare(next)) {
                        LOG.infof("Schema of the next generation, %s, prepared in %.2f s",
                                Generation.numbered(next, Generation.State.BUILDING).schema(),
                                (System.nanoTime() - prepare) / 1e9);
                    }
                    // its consumers' numbers and log partitions too, out of its rebuild's first batches
                    generations.registerConsumers(consumerNames(Generation.numbered(next,
                            Generation.State.BUILDING)));
                    preparedAhead = next;
                });
                if (dropRetired) {
                    dropRetiredLogs();
                }
            } catch (RuntimeException e) {
                // at shutdown, the container may be gone already
                if (running) {
                    LOG.warnf("The next generation's schema is not prepared (the rebuild will make it): %s",
                            e.getMessage());
                }
            }
        }, "projection-prepare");
        preparer.setDaemon(true);
        preparer.start();
    }

    /**
     * Every instance follows the generations table, since the others share it: a rebuild started elsewhere gets this
     * instance's share of the partitions fed too (the replay channel's consumer group splits them between the
     * instances, so without it the rebuild would never catch up), and a switch made elsewhere is handed over here as
     * well (otherwise this instance would go on answering from, and feeding, the retired generation).
     */
    @Scheduled(every = "${reporting.generation-follow-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void follow() {
        if (!running || roles == null) {
            return;
        }
        // read under the monitor: a switch made here meanwhile must not be taken back by a stale look at the table
        List<Generation> current;
        try {
            current = QuarkusTransaction.requiringNew().call(generations::live);
        } catch (RuntimeException e) {
            // the database is away: the instance keeps what it has and looks again at the next tick
            return;
        }
        current.stream().filter(g -> g.state() == Generation.State.ACTIVE).findFirst()
                .filter(g -> g.number() != active().number())
                .ifPresent(switched -> {
                    LOG.infof("Another instance switched the projections to %s; following", switched.schema());
                    handOver(switched);
                });
        current.stream().filter(g -> g.state() == Generation.State.BUILDING).findFirst()
                .filter(building -> rebuilding().filter(n -> n == building.number()).isEmpty())
                .ifPresent(building -> {
                    LOG.infof("Another instance rebuilds the projections into %s; feeding this instance's share",
                            building.schema());
                    // its creator migrated it before recording it; an instance of an older version may not have
                    generations.migrate(building);
                    feedRebuild(building);
                });
    }

    private synchronized void feedRebuild(Generation building) {
        Instant startedAt = Instant.now();
        LOG.infof("Rebuilding the projections into %s from offset 0", building.schema());
        replay.serve(feeds(building));
        publish(active(), new Rebuild(building.number(), startedAt, null));
        watch(building);
    }

    /**
     * Drops the generations retired longer than {@code grace} ago (queries that started on them have long finished),
     * rather than keeping them until the next rebuild. @return the generations dropped
     */
    public synchronized List<Integer> dropRetiredBefore(Instant cutoff) {
        List<Integer> dropped = QuarkusTransaction.requiringNew().call(() -> {
            generations.lock();
            List<Generation> retired = generations.retiredBefore(cutoff);
            for (Generation generation : retired) {
                generations.drop(generation, consumerNames(generation));
                LOG.infof("Dropped %s, retired before %s", generation.schema(), cutoff);
            }
            return retired.stream().map(Generation::number).toList();
        });
        if (!dropped.isEmpty()) {
            dropRetiredLogs();
        }
        return dropped;
    }

    /** The retired consumers' logs, once the commit that retired their numbers is made (outside any transaction). */
    private void dropRetiredLogs() {
        long start = System.nanoTime();
        List<String> dropped = generations.dropRetiredLogs();
        if (!dropped.isEmpty()) {
            LOG.infof("Dropped the retired consumers' logs %s in %.2f s", dropped, (System.nanoTime() - start) / 1e9);
        }
    }

    private List<ProjectionFeed> feeds(Generation generation) {
        return projections.of(generation).stream().map(p -> channels.feed(p, consumerName(p, generation))).toList();
    }

    /** The watcher's cadence while a rebuild is far from its topics' end: a look asks the broker and the database. */
    private static final long LOOK_MILLIS = 250;
    /** Its soonest look, once the lag's fall says the end is that near. */
    private static final long SOONEST_LOOK_MILLIS = 20;

    /**
     * Switches to {@code building} once it has applied everything the topics held. Logs the rebuild's phases: caught
     * up (from the request), the finalisation, caught up again and switched.
     */
    private void watch(Generation building) {
        Thread watcher = new Thread(() -> {
            boolean warned = false;
            long started = System.nanoTime();
            long restored = 0;
            long previousLag = -1;
            long previousLook = 0;
            // until this instance has switched to it, by itself or following another instance
            while (running && active().number() != building.number()
                    && rebuilding().filter(n -> n == building.number()).isPresent()) {
                long sleep = LOOK_MILLIS;
                try {
                    long look = System.nanoTime();
                    long behind = lag.known(replay.feeds()).stream().mapToLong(FeedLag.PartitionLag::lag).sum();
                    if (behind == 0) {
                        if (upkeepDeferred(building)) {
                            LOG.infof("%s caught up %.2f s after the rebuild's start; restoring its upkeep",
                                    building.schema(), (look - started) / 1e9);
                            // caught up without the pre-aggregates: give them back, then catch up again (what came
                            // meanwhile, with the triggers on) before switching; looked at again at once, since
                            // usually nothing came and the rebuild is done
                            restoreUpkeep(building);
                            restored = System.nanoTime();
                            previousLag = -1;
                            continue;
                        } else {
                            switchTo(building, restored == 0 ? look : restored);
                            return;
                        }
                    }
                    sleep = nextLook(previousLag, previousLook, behind, look);
                    previousLag = behind;
                    previousLook = look;
                    warned = false;
                } catch (RuntimeException e) {
                    // once per broker outage, not every 250 ms
                    if (!warned) {
                        LOG.warnf("Cannot measure or finish the rebuild yet: %s", e.getMessage());
                        warned = true;
                    }
                }
                try {
                    Thread.sleep(sleep);
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
     * When to look again: in {@link #LOOK_MILLIS}, or sooner when the lag fell since the last look at a rate that
     * takes it to zero sooner (its positions move a batch at a time). A look every 250 ms left the rebuild idle for
     * 125 ms on average between its last batch and the finalisation; every 20 ms throughout would cost the service,
     * the broker and PostgreSQL a look twelve times as often while the rebuild applies.
     */
    static long nextLook(long previousLag, long previousLook, long lag, long now) {
        if (previousLag <= lag || now <= previousLook) {
            return LOOK_MILLIS;
        }
        double millisToZero = lag * ((now - previousLook) / 1e6) / (previousLag - lag);
        return Math.max(SOONEST_LOOK_MILLIS, Math.min(LOOK_MILLIS, (long) millisToZero));
    }

    private boolean upkeepDeferred(Generation building) {
        return QuarkusTransaction.requiringNew().call(() -> generations.upkeepDeferred(building));
    }

    /**
     * Turns the rebuilt generation's pre-aggregates on and fills them from its facts, in one transaction, the people's
     * and delays' recomputation in a second one on the other core ({@link GenerationRepository#restoreUpkeep}, the
     * first transaction begun for it). This instance's replay channel waits meanwhile: its batches would only queue
     * behind the transaction's table locks. A failure (the database away, a deadlock with another instance's batch)
     * rolls the state back and leaves the triggers off; the watcher tries again at its next look.
     */
    private void restoreUpkeep(Generation building) {
        long start = System.nanoTime();
        boolean restored = replay.whileHeld(() -> QuarkusTransaction.requiringNew().timeout(UPGRADE_TIMEOUT_SECONDS)
                .call(() -> generations.restoreUpkeep(building, true)));
        if (restored) {
            LOG.infof("Pre-aggregates of %s filled from its facts and kept from now on, query indexes built: %.1f s",
                    building.schema(), (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The replay channel lets the rebuilt generation go once its current batch is applied; the live channel then
     * feeds it from the positions it committed, so no event is skipped or applied twice at the hand-over. Another
     * instance may have switched already (both saw the rebuild catch up): the table is then left as it is and this
     * instance only hands over.
     */
    private synchronized void switchTo(Generation building, long caughtUpSince) {
        Generation previous = active();
        if (previous.number() == building.number()) {
            return;
        }
        Generation next = new Generation(building.number(), building.schema(), Generation.State.ACTIVE);
        Instant startedAt = roles.lastRebuild().startedAt();
        long start = System.nanoTime();
        long[] steps = new long[4];
        boolean switchedHere = live.whileHeld(() -> {
            steps[0] = System.nanoTime();
            replay.serve(List.of());
            steps[1] = System.nanoTime();
            boolean switched = QuarkusTransaction.requiringNew().call(() -> generations.switchTo(next));
            steps[2] = System.nanoTime();
            live.serve(feeds(next));
            steps[3] = System.nanoTime();
            publish(next, new Rebuild(building.number(), startedAt, Instant.now()));
            return switched;
        });
        LOG.infof("Projections now answered by %s; %s retired%s (%.2f s after the finalisation or the catch-up: "
                + "the live channel held in %.2f s, the replay channel let go in %.2f s, switched in %.2f s, the live "
                + "channel placed in %.2f s)", next.schema(), previous.schema(),
                switchedHere ? "" : " (switched by another instance)", (System.nanoTime() - caughtUpSince) / 1e9,
                (steps[0] - start) / 1e9, (steps[1] - steps[0]) / 1e9, (steps[2] - steps[1]) / 1e9,
                (steps[3] - steps[2]) / 1e9);
        // prepared at the rebuild's request, unless that failed (or the rebuild was asked of another instance)
        if (preparedAhead != building.number() + 1) {
            prepareNext(false);
        }
    }

    /**
     * Follows a switch made by another instance. The replay channel stops feeding the new generation first, so the
     * live channel takes it over at the positions committed with it; until then both may have fed it on the same
     * partition, which the processed-event log makes harmless (each event applied once, in order).
     */
    private synchronized void handOver(Generation next) {
        Generation previous = active();
        Rebuild last = roles.lastRebuild();
        Instant startedAt = last != null && last.generation() == next.number() ? last.startedAt() : Instant.now();
        live.whileHeld(() -> {
            replay.serve(List.of());
            live.serve(feeds(next));
            publish(next, new Rebuild(next.number(), startedAt, Instant.now()));
            return null;
        });
        LOG.infof("Projections now answered by %s; %s retired", next.schema(), previous.schema());
        prepareNext(false);
    }

    private String consumerName(EventProjection projection, Generation generation) {
        return serviceName + "." + projection.name() + generation.consumerSuffix();
    }

    private List<String> consumerNames(Generation generation) {
        return projections.of(generation).stream().map(p -> consumerName(p, generation)).toList();
    }
}
