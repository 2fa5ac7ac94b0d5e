package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.ConsumerPositions;
import fr.capemploi.platform.repository.Commits;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.repository.GenerationRepository;
import fr.capemploi.reporting.repository.PreAggregateNotes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where the pre-aggregates' fold runs ({@code reporting.projection.fold}, env {@code REPORTING_PROJECTION_FOLD}):
 * <ul>
 * <li>{@code in-transaction}: in each batch's transaction, before its commit. The fold's PostgreSQL time adds to
 * every batch's, and the service and PostgreSQL take turns: on a quiet machine one core idles while the other
 * ingests (bench/JOURNAL.md, #12).</li>
 * <li>{@code concurrent}: a batch commits its notes with its facts and positions (nothing is lost or counted twice:
 * the notes are logged, migration V14) and asks for a fold; one thread of the instance folds in a transaction of its
 * own, one fold at a time, every note committed so far, while the channel applies the next batches. Consecutive
 * batches' notes of one person are then folded once.</li>
 * </ul>
 * A fold of its own transaction (the folding thread's, an answer's {@link #settle}) commits without waiting for its
 * WAL flush, as the projections' batches do (platform, {@code ProjectionChannel}): it moves notes into pre-aggregates,
 * both derived from committed facts, so a crash that loses its commit loses it whole — the notes are back and the
 * next fold moves them. Waiting made it the one commit of the live channel that waited for the disk (the batches'
 * commits do not): with the upkeep off nothing waits, and every fold paid a flush of every batch's WAL before it.
 * Either way, notes left over (a fold that failed, the instance stopped before it folded, another instance's notes,
 * a change of setting) are folded by the next fold of the generation, at the latest by the look every
 * {@code reporting.projection.fold-sweep} (5 s) at the live generations. A failed fold rolls back whole: its notes
 * stay, and it is tried again after a pause growing from 1 to 30 s. The answers that read the pre-aggregates never
 * read them with notes pending ({@link #settle} and {@code IndicatorFacts}).
 * <p>The folding thread starts a generation's folds at least {@code reporting.projection.fold-interval} (1 s) apart:
 * an ask within that time of the previous fold's start waits for the rest of it, and the asks meanwhile are answered
 * by that one fold. Under the demo's load each live batch (~12 events) asked for a fold of its own, and a fold's
 * cost is mostly per call: the people's staircase took 2.3 ms a call for one batch's people and 3.6 ms for four
 * batches' (bench/JOURNAL.md, "Fewer folds"). An ask after a quiet interval folds at once. No answer waits for it: an
 * answer settles the notes committed before it began.
 */
@ApplicationScoped
public class PreAggregateFolds {

    private static final Logger LOG = Logger.getLogger(PreAggregateFolds.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final PreAggregateNotes notes;
    private final GenerationRepository generations;
    private final ConsumerPositions positions;
    private final boolean concurrent;
    /** One thread: one fold at a time per instance (folds of one generation also wait for each other's lock). */
    private final ScheduledExecutorService folder = folder();
    /** Generations whose fold is asked and not yet begun: asks meanwhile are answered by that fold. */
    private final Set<Generation> asked = ConcurrentHashMap.newKeySet();
    /** When the folding thread last started a fold of each live generation, by number ({@link System#nanoTime()}). */
    private final Map<Integer, Long> started = new ConcurrentHashMap<>();
    private final long interval;
    private volatile Duration retry = FIRST_RETRY;
    private final Counter failures;
    private final Timer folded;

    public PreAggregateFolds(PreAggregateNotes notes, GenerationRepository generations, ConsumerPositions positions,
            MeterRegistry registry,
            @ConfigProperty(name = "reporting.projection.fold", defaultValue = "concurrent") String mode,
            @ConfigProperty(name = "reporting.projection.fold-interval", defaultValue = "1s") Duration interval) {
        this.notes = notes;
        this.generations = generations;
        this.positions = positions;
        this.interval = interval.toNanos();
        this.failures = Counter.builder("reporting.pre_aggregates.fold.failures")
                .description("Folds of the folding thread rolled back (their notes kept, folded again later)")
                .register(registry);
        this.folded = Timer.builder("reporting.pre_aggregates.fold")
                .description("Folds of the folding thread committed, and their time")
                .register(registry);
        this.concurrent = switch (mode) {
            case "concurrent" -> true;
            case "in-transaction" -> false;
            default -> throw new IllegalArgumentException(
                    "reporting.projection.fold is 'concurrent' or 'in-transaction', not '" + mode + "'");
        };
    }

    private static ScheduledExecutorService folder() {
        ScheduledThreadPoolExecutor folder = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "pre-aggregate-fold");
            thread.setDaemon(true);
            return thread;
        });
        // at shutdown a fold waiting for its interval, or a retry for its pause, is dropped: its notes stay committed
        // and the next start's look folds them
        folder.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return folder;
    }

    /** Whether batches leave their fold to this instance's folding thread. */
    public boolean concurrent() {
        return concurrent;
    }

    /**
     * A batch's statements noted changes in the current transaction: folded there, before its commit
     * ({@code in-transaction}), or asked of the folding thread once it has committed ({@code concurrent}; a batch
     * rolled back noted nothing).
     */
    void batchNoted(Generation generation, TransactionSynchronizationRegistry transactions) {
        if (concurrent) {
            Commits.afterCommit(transactions, () -> asked(generation));
        } else {
            notes.fold(generation);
        }
    }

    /**
     * A batch of {@code generation} committed notes: folds them soon, with any committed meanwhile — at once, or once
     * the interval since the previous fold's start has passed.
     */
    void asked(Generation generation) {
        if (asked.add(generation)) {
            try {
                long wait = untilNextFold(started.get(generation.number()), System.nanoTime(), interval);
                if (wait == 0) {
                    folder.execute(() -> fold(generation));
                } else {
                    folder.schedule(() -> fold(generation), wait, TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException stopping) {
                asked.remove(generation);
            }
        }
    }

    /**
     * Nanoseconds an ask waits for its fold: the rest of {@code interval} since the previous fold of the generation
     * started ({@code null}: none yet), nothing once it has passed.
     */
    static long untilNextFold(Long previousStart, long now, long interval) {
        return previousStart == null ? 0 : Math.max(0, interval - (now - previousStart));
    }

    private void fold(Generation generation) {
        // asks from now on need a fold after this one's statements began: they get one, an interval after this start
        asked.remove(generation);
        long start = System.nanoTime();
        started.put(generation.number(), start);
        try {
            QuarkusTransaction.requiringNew().run(() -> foldApart(generation));
            folded.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            retry = FIRST_RETRY;
        } catch (RuntimeException failure) {
            failures.increment();
            Duration pause = retry;
            retry = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
            LOG.warnf(failure, "Fold of %s's pre-aggregates failed; its notes are kept, tried again in %d s",
                    generation.schema(), pause.toSeconds());
            try {
                folder.schedule(() -> again(generation), pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // stopping: the notes stay committed, the next start folds them
            }
        }
    }

    /** A failed fold tried again, while its generation is live (a retired one is no longer read). */
    private void again(Generation generation) {
        boolean live;
        try {
            live = QuarkusTransaction.requiringNew().call(() -> generations.live()).stream()
                    .anyMatch(g -> g.number() == generation.number());
        } catch (RuntimeException databaseAway) {
            live = true;
        }
        if (live) {
            asked(generation);
        }
    }

    /**
     * The notes left for this instance to fold: at start (a stop before the fold, a crash after the commit), another
     * instance's (stopped before its fold), a failed fold's after its pause. A look at each live generation.
     */
    @Scheduled(every = "${reporting.projection.fold-sweep:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<Generation> live;
        try {
            live = QuarkusTransaction.requiringNew().call(generations::live);
        } catch (RuntimeException databaseAway) {
            return;
        }
        started.keySet().retainAll(live.stream().map(Generation::number).toList());
        for (Generation generation : live) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> notes.pending(generation))) {
                    asked(generation);
                }
            } catch (RuntimeException notThere) {
                // a generation being created (its tables not yet migrated) or dropped: nothing of it to fold
            }
        }
    }

    /**
     * Before an answer's state is taken: the notes committed so far are folded, so that the answer reads
     * pre-aggregates holding every fact acknowledged before it began. Waits for a fold under way (the generation's
     * fold lock) and folds what is left, in a transaction of its own; nothing to do when nothing is noted. With
     * folds in the batches' transactions, nothing committed is ever noted: nothing is looked at.
     */
    public void settle(Generation generation) {
        if (!concurrent) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (notes.pending(generation)) {
                foldApart(generation);
            }
        });
    }

    /** A fold in a transaction of its own, which commits without waiting for the WAL flush (above). */
    private void foldApart(Generation generation) {
        positions.relaxDurability();
        notes.fold(generation);
    }

    /** The notes of {@code generation} committed and not yet folded. */
    public long unfolded(Generation generation) {
        return QuarkusTransaction.requiringNew().call(() -> notes.count(generation));
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        folder.shutdown();
        // a fold under way ends (or rolls back) in its transaction; what it leaves, the next start folds
        folder.awaitTermination(10, TimeUnit.SECONDS);
    }
}
