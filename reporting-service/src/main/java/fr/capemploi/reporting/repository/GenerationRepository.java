package fr.capemploi.reporting.repository;

import fr.capemploi.platform.consumer.ConsumerPositions;
import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/** The generations table and the DDL of a generation's schema. */
@ApplicationScoped
public class GenerationRepository {

    private static final Logger LOG = Logger.getLogger(GenerationRepository.class);
    private static final Pattern CREATE_INDEX =
            Pattern.compile("(?s)^\\s*CREATE INDEX (?:IF NOT EXISTS )?([a-z0-9_]+ ON .*)");
    private static final Pattern QUERY_INDEXES =
            Pattern.compile("(?ms)^-- @query-indexes$(.*?)^-- @end-query-indexes$");

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final ConsumerPositions positions;
    private final String upkeepWorkMem;
    private final String upkeepMaintenanceWorkMem;
    private final int upkeepIndexWorkers;

    /**
     * @param upkeepWorkMem the sorts' and hashes' memory of a finalisation's two transactions (the pre-aggregates'
     *        recomputations): at the server's 4 MB a scale-1 finalisation wrote ~180 MB of temporary files
     * @param upkeepMaintenanceWorkMem the query indexes' builds' memory in the finalisation (the server's 64 MB,
     *        shared by a parallel build's workers, spilled every large one)
     * @param upkeepIndexWorkers the workers each of those builds may start beside its own backend: a parallel build
     *        writes every worker's sorted rows to temporary files for the leader to merge, ~40 % more CPU at scale 1,
     *        while the recomputation holds the other core of a small server
     */
    public GenerationRepository(EntityManager entityManager, DataSource dataSource, ConsumerPositions positions,
            @ConfigProperty(name = "reporting.projection.upkeep.work-mem", defaultValue = "256MB") String upkeepWorkMem,
            @ConfigProperty(name = "reporting.projection.upkeep.maintenance-work-mem", defaultValue = "256MB")
            String upkeepMaintenanceWorkMem,
            @ConfigProperty(name = "reporting.projection.upkeep.index-workers", defaultValue = "0")
            int upkeepIndexWorkers) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.positions = positions;
        this.upkeepWorkMem = upkeepWorkMem;
        this.upkeepMaintenanceWorkMem = upkeepMaintenanceWorkMem;
        this.upkeepIndexWorkers = upkeepIndexWorkers;
    }

    public List<Generation> live() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT generation, schema_name, state FROM projection_generation "
                        + "WHERE state IN ('ACTIVE', 'BUILDING') ORDER BY generation").getResultList();
        return rows.stream().map(r -> new Generation(((Number) r[0]).intValue(), (String) r[1],
                Generation.State.valueOf((String) r[2]))).toList();
    }

    /** Retired generations whose tables still exist, kept until the next rebuild so in-flight queries finish. */
    public List<Generation> retiredWithTables() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT g.generation, g.schema_name FROM projection_generation g
                WHERE g.state IN ('RETIRED', 'ABANDONED')
                  AND EXISTS (SELECT 1 FROM information_schema.schemata s WHERE s.schema_name = g.schema_name)
                """).getResultList();
        return rows.stream().map(r -> new Generation(((Number) r[0]).intValue(), (String) r[1],
                Generation.State.RETIRED)).toList();
    }

    /** Retired generations whose tables still exist and that were retired before {@code cutoff}. */
    public List<Generation> retiredBefore(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT g.generation, g.schema_name FROM projection_generation g
                WHERE g.state = 'RETIRED' AND g.retired_at < ?1
                  AND EXISTS (SELECT 1 FROM information_schema.schemata s WHERE s.schema_name = g.schema_name)
                """).setParameter(1, java.sql.Timestamp.from(cutoff)).getResultList();
        return rows.stream().map(r -> new Generation(((Number) r[0]).intValue(), (String) r[1],
                Generation.State.RETIRED)).toList();
    }

    /**
     * Serialises, until the end of the caller's transaction, what instances of the service do to the generations
     * (create the first one, start a rebuild, switch, drop): several instances share this table.
     */
    public void lock() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, GENERATIONS_LOCK)
                .getSingleResult();
    }

    /** Arbitrary constant shared by every instance of the reporting service. */
    private static final long GENERATIONS_LOCK = 0x0E_9E_4A71_0A5L;

    public Optional<Generation> building() {
        return live().stream().filter(g -> g.state() == Generation.State.BUILDING).findFirst();
    }

    public Optional<Generation> active() {
        return live().stream().filter(g -> g.state() == Generation.State.ACTIVE).findFirst();
    }

    public int lastNumber() {
        Number last = (Number) entityManager.createNativeQuery("SELECT coalesce(max(generation), 0) FROM projection_generation")
                .getSingleResult();
        return last.intValue();
    }

    /**
     * Creates the generation's schema and tables ({@link #migrate}), and records it in the given state. The tables
     * are committed before the caller's transaction, which records the generation: should it roll back, the next
     * generation of the same number finds its schema migrated already. So does the creation of a number whose schema
     * was prepared ({@link #prepare}): it only checks its history.
     */
    public Generation create(int number, Generation.State state) {
        Generation generation = Generation.numbered(number, state);
        long start = System.nanoTime();
        int applied = migrateUnrecorded(generation);
        long migrated = System.nanoTime();
        boolean deferred = state == Generation.State.BUILDING;
        if (deferred) {
            deferUpkeep(generation);
        }
        entityManager.createNativeQuery("INSERT INTO projection_generation (generation, schema_name, state, activated_at, "
                + "upkeep) VALUES (?1, ?2, ?3, CASE WHEN ?3 = 'ACTIVE' THEN now() END, ?4)")
                .setParameter(1, number).setParameter(2, generation.schema()).setParameter(3, state.name())
                .setParameter(4, deferred ? "DEFERRED" : "KEPT")
                .executeUpdate();
        LOG.infof("%s created: its schema %s in %.2f s, %s in %.2f s", generation.schema(),
                applied == 0 ? "found prepared" : "migrated (" + applied + " migrations)", (migrated - start) / 1e9,
                deferred ? "its upkeep deferred" : "recorded", (System.nanoTime() - migrated) / 1e9);
        return generation;
    }

    /**
     * Creates the schema of the generation that will be numbered {@code number}, migrated to the last migration,
     * without recording the generation: nothing feeds it, answers from it or counts it (the generations table does
     * not name it), and the creation of that number — the next one, numbers being taken in order under the lock —
     * finds it migrated and only checks its history, so that a rebuild's start costs no migration (~0.3-0.4 s, and
     * Flyway's parser compiled again under load). In the caller's transaction, which holds the lock ({@link #lock}):
     * the number stays the next one until the schema is made. A preparation that fails leaves what a creation rolled
     * back leaves, which the creation migrates on. @return whether anything was migrated (false: prepared already)
     */
    public boolean prepare(int number) {
        return migrateUnrecorded(Generation.numbered(number, Generation.State.BUILDING)) > 0;
    }

    /**
     * Brings the schema of a generation not recorded yet to the last migration. What may be found under its number was
     * prepared or left by a creation rolled back, and holds nothing anyone reads: it is migrated on, or, prepared by a
     * version whose history a later baseline no longer accepts, dropped and made again. Outside the caller's
     * transaction, as {@link #migrate}. @return the migrations applied (0: it was prepared)
     */
    private int migrateUnrecorded(Generation generation) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            if (!QuarkusTransaction.requiringNew().call(() -> migratable(generation))) {
                LOG.infof("%s, found from before the projection schema's baseline, is made again", generation.schema());
                QuarkusTransaction.requiringNew().run(() -> dropSchemas(generation));
            }
            return migrate(generation, new ProjectionMigrations());
        });
    }

    /**
     * A generation being rebuilt applies its facts as a bulk load does: without the pre-aggregates' triggers (every
     * user trigger of a generation keeps a pre-aggregate, and its migration's {@code refresh_*} functions recompute
     * it from the facts) and without the indexes only the queries read (those between the {@code @query-indexes}
     * marks of the projection migrations).
     * Kept per batch, they cost a rebuild a fifth of its rate, and the indexes as much again; filled and built once
     * from the facts when the rebuild has caught up ({@link #restoreUpkeep}), they cost a fraction of that. In the
     * creator's transaction, with the generation's row: the state and the triggers' go together.
     */
    private void deferUpkeep(Generation generation) {
        for (String table : tablesWithTriggers(generation, false)) {
            entityManager.createNativeQuery("ALTER TABLE " + generation.schema() + "." + table
                    + " DISABLE TRIGGER USER").executeUpdate();
        }
        for (String index : queryIndexNames()) {
            entityManager.createNativeQuery("DROP INDEX IF EXISTS " + generation.schema() + "." + index)
                    .executeUpdate();
        }
    }

    /** Whether the generation was created to be fed without its pre-aggregates' upkeep and has not had it back. */
    public boolean upkeepDeferred(Generation generation) {
        Number deferred = (Number) entityManager.createNativeQuery("SELECT count(*) FROM projection_generation "
                + "WHERE generation = ?1 AND upkeep = 'DEFERRED'").setParameter(1, generation.number())
                .getSingleResult();
        return deferred.intValue() > 0;
    }

    /**
     * Gives a generation fed with its upkeep deferred its pre-aggregates and query indexes, in the caller's
     * transaction: the generation's tables locked, then their triggers on, every pre-aggregate filled from the facts
     * by the generation's own {@code refresh_monthly_facts()} and {@code refresh_people_and_delays()} (one definition
     * of what counts, the same as its triggers'), the indexes built, the state recorded. A batch of another instance
     * (its share of the partitions) that wrote before the locks were granted has committed and is counted by the
     * refresh; one that comes after waits for the commit and runs with the triggers on, its changes folded as the
     * live channel's are. Idempotent: nothing happens when the upkeep is already kept (another instance restored it,
     * or the generation was created before upkeep could be deferred). @return whether this call restored it
     */
    public boolean restoreUpkeep(Generation generation) {
        return restoreUpkeep(generation, false);
    }

    /**
     * {@link #restoreUpkeep(Generation)}, with {@code concurrently} the people's and delays' recomputation on a
     * connection of its own, in a transaction of its own, while the caller's fills {@code monthly_fact} and builds the
     * query indexes: the recomputation is most of the finalisation (0.7-1.1 s of 1.0-1.3 s at scale 0.12), one
     * backend's work while the other core idled. The other transaction starts once the caller's holds the table locks
     * and the fold lock, so it sees every batch that committed before them and no batch or fold after them; it takes
     * no lock the caller's holds (it reads the facts, writes pre-aggregates no trigger and no other refresh touches:
     * V22), and it commits before the caller's records the state and commits, whose failure then leaves the
     * generation {@code DEFERRED} with its triggers off: the next call recomputes everything again. The caller's
     * transaction must not have changed the generation's tables before the call (created it, say): the other
     * connection would wait for those locks while the caller waits for it.
     */
    public boolean restoreUpkeep(Generation generation, boolean concurrently) {
        long begun = System.nanoTime();
        lock();
        @SuppressWarnings("unchecked")
        List<String> state = entityManager.createNativeQuery("SELECT upkeep FROM projection_generation "
                + "WHERE generation = ?1 FOR UPDATE").setParameter(1, generation.number()).getResultList();
        if (!state.equals(List.of("DEFERRED"))) {
            return false;
        }
        List<String> tables = tablesWithTriggers(generation, true);
        if (!tables.isEmpty()) {
            // all of them at once, in one order: a batch waits for the whole set or is waited for
            entityManager.createNativeQuery("LOCK TABLE " + String.join(", ", tables.stream()
                    .map(t -> generation.schema() + "." + t).toList()) + " IN SHARE ROW EXCLUSIVE MODE")
                    .executeUpdate();
        }
        // then the generation's fold lock: a fold under way (of notes committed by batches whose triggers another
        // instance had turned on) ends first, and the next waits for this filling before touching a pre-aggregate;
        // after the table locks, which a batch folding in its own transaction takes before the fold lock
        ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.lock_pre_aggregates()"), Map.of());
        for (String table : tables) {
            entityManager.createNativeQuery("ALTER TABLE " + generation.schema() + "." + table
                    + " ENABLE TRIGGER USER").executeUpdate();
        }
        long locked = System.nanoTime();
        upkeepMemory();
        FutureTask<Double> apart = concurrently ? refreshPeopleAndDelaysApart(generation) : null;
        long monthly;
        long people;
        try {
            ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.refresh_monthly_facts()"), Map.of());
            monthly = System.nanoTime();
            if (apart == null) {
                ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.refresh_people_and_delays()"),
                        Map.of());
            }
            people = System.nanoTime();
            for (String index : queryIndexes(generation)) {
                entityManager.createNativeQuery(index).executeUpdate();
            }
        } catch (RuntimeException e) {
            // the other transaction ends before this one rolls back: no filling left running once the locks are gone
            if (apart != null) {
                try {
                    awaitApart(apart);
                } catch (RuntimeException other) {
                    e.addSuppressed(other);
                }
            }
            throw e;
        }
        long indexes = System.nanoTime();
        // committed before the state is recorded: a failure of either rolls the state back with this transaction
        double peopleSeconds = apart == null ? (people - monthly) / 1e9 : awaitApart(apart);
        LOG.infof("%s: locked with its triggers on in %.2f s, then monthly_fact filled in %.2f s, people and delays in "
                + "%.2f s%s, query indexes built in %.2f s; %.2f s in all (work_mem %s, maintenance_work_mem %s, "
                + "%d index workers)",
                generation.schema(), (locked - begun) / 1e9, (monthly - locked) / 1e9, peopleSeconds,
                apart == null ? "" : " on a connection of their own", (indexes - people) / 1e9,
                (System.nanoTime() - begun) / 1e9, upkeepWorkMem, upkeepMaintenanceWorkMem,
                upkeepIndexWorkers);
        entityManager.createNativeQuery("UPDATE projection_generation SET upkeep = 'KEPT', upkeep_restored_from = now(), "
                + "upkeep_restored_at = clock_timestamp() WHERE generation = ?1").setParameter(1, generation.number())
                .executeUpdate();
        return true;
    }

    /** As long as the finalisation's own transaction (ProjectionGenerations' one for the whole upkeep). */
    private static final int UPKEEP_TIMEOUT_SECONDS = 3600;

    /**
     * {@code refresh_people_and_delays()} in a transaction of its own, on a thread and a connection of its own.
     * @return its seconds, when done
     */
    private FutureTask<Double> refreshPeopleAndDelaysApart(Generation generation) {
        FutureTask<Double> task = new FutureTask<>(() -> QuarkusTransaction.requiringNew()
                .timeout(UPKEEP_TIMEOUT_SECONDS).call(() -> {
                    long start = System.nanoTime();
                    // it should never wait for a lock: the only holder would be the transaction waiting for it, a
                    // deadlock PostgreSQL cannot see; failing instead rolls both back and the filling is tried again
                    ProjectionSql.update(entityManager, "SET LOCAL lock_timeout = '60s'");
                    upkeepMemory();
                    ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.refresh_people_and_delays()"),
                            Map.of());
                    return (System.nanoTime() - start) / 1e9;
                }));
        Thread thread = new Thread(task, "projection-upkeep-" + generation.number());
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /**
     * The finalisation's memory, for the rest of the current transaction only (it reverts at its end, so the pool's
     * connections go back to the server's settings): the recomputations sort and hash every person's facts at once,
     * once a rebuild, where the server's defaults are sized for the many small statements of the live channel.
     */
    private void upkeepMemory() {
        ProjectionSql.query(entityManager, ProjectionSql.transactionSettings(Map.of("work_mem", upkeepWorkMem,
                "maintenance_work_mem", upkeepMaintenanceWorkMem,
                "max_parallel_maintenance_workers", Integer.toString(upkeepIndexWorkers))), Map.of());
    }

    private static double awaitApart(FutureTask<Double> apart) {
        try {
            return apart.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The people's and delays' recomputation failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the people's and delays' recomputation runs", e);
        }
    }

    /** The generation's tables with user triggers (all of them, or only those whose triggers are off), by name. */
    private List<String> tablesWithTriggers(Generation generation, boolean disabledOnly) {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery("""
                SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ?1 AND NOT t.tgisinternal AND (NOT ?2 OR t.tgenabled = 'D')
                ORDER BY c.relname""").setParameter(1, generation.schema()).setParameter(2, disabledOnly)
                .getResultList();
        return tables;
    }

    /**
     * The {@code CREATE INDEX} statements of the projection migrations that only the indicator queries read (between
     * their {@code -- @query-indexes} and {@code -- @end-query-indexes} lines), for a generation.
     */
    private static List<String> queryIndexes(Generation generation) {
        List<String> statements = new ArrayList<>();
        for (String file : ProjectionMigrations.FILES) {
            Matcher section = QUERY_INDEXES.matcher(resource(ProjectionMigrations.LOCATION + file));
            while (section.find()) {
                statements.addAll(indexesOf(generation.sql(section.group(1).replace("${schema}", "{schema}"))));
            }
        }
        return statements;
    }

    /**
     * Every {@code CREATE INDEX} of a script, as {@code CREATE INDEX IF NOT EXISTS}: built again, it changes nothing.
     * A migration marking an index B13 created says {@code IF NOT EXISTS} itself (V20: the generations that have it
     * keep it).
     */
    private static List<String> indexesOf(String ddl) {
        List<String> statements = new ArrayList<>();
        for (String statement : ddl.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
            Matcher matcher = CREATE_INDEX.matcher(statement);
            if (matcher.matches()) {
                statements.add("CREATE INDEX IF NOT EXISTS " + matcher.group(1).strip());
            }
        }
        return statements;
    }

    static List<String> queryIndexNames() {
        return queryIndexes(Generation.numbered(0, Generation.State.BUILDING)).stream()
                .map(s -> s.substring("CREATE INDEX IF NOT EXISTS ".length()).split(" ")[0]).toList();
    }

    /**
     * Makes {@code next} the answering generation and retires the one active before, in one transaction. Idempotent:
     * when another instance of the service has already switched to {@code next}, nothing changes.
     * @return whether this call switched
     */
    public boolean switchTo(Generation next) {
        lock();
        Number state = (Number) entityManager.createNativeQuery("SELECT count(*) FROM projection_generation "
                + "WHERE generation = ?1 AND state = 'BUILDING'").setParameter(1, next.number()).getSingleResult();
        if (state.intValue() == 0) {
            return false;
        }
        entityManager.createNativeQuery("UPDATE projection_generation SET state = 'RETIRED', retired_at = now() "
                + "WHERE state = 'ACTIVE'").executeUpdate();
        entityManager.createNativeQuery("UPDATE projection_generation SET state = 'ACTIVE', activated_at = now() "
                + "WHERE generation = ?1").setParameter(1, next.number()).executeUpdate();
        return true;
    }

    /**
     * Drops a retired generation's tables and its consumers' bookkeeping, in the caller's transaction: their numbers
     * (a name used again later is registered anew) and positions. Their processed-event logs, a partition each (V0_9),
     * go once this has committed, by {@link #dropRetiredLogs}: a partition is dropped without a lock on the log that
     * other consumers' inserts would wait for only outside a transaction. Until then their rows are under numbers no
     * consumer has, which nothing reads.
     */
    public void drop(Generation generation, List<String> consumers) {
        dropSchemas(generation);
        for (String consumer : consumers) {
            entityManager.createNativeQuery("DELETE FROM event_consumer WHERE name = ?1").setParameter(1, consumer)
                    .executeUpdate();
            entityManager.createNativeQuery("DELETE FROM consumer_offset WHERE consumer = ?1")
                    .setParameter(1, consumer).executeUpdate();
        }
    }

    /**
     * Drops the processed-event logs of the consumers retired by {@link #drop} (and of any other number no consumer
     * has any more): their partitions detached and dropped, each whole, where a {@code DELETE} of their rows cost
     * ~87,000 rows at scale 0.12 and ~790,000 at scale 1, their WAL and then vacuum's work, beside the next rebuild's
     * apply. Outside any transaction, after the one that dropped the generations has committed. @return the
     * partitions dropped
     */
    public List<String> dropRetiredLogs() {
        try {
            return positions.dropUnregisteredLogs();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The retired consumers' logs are not dropped: " + e.getMessage(), e);
        }
    }

    /**
     * Registers the consumers of a generation not fed yet (the next one, {@link #prepare}d) with their logs'
     * partitions, in the caller's transaction, so that its rebuild's first batches find them made: a registration in
     * a batch holds, until the batch commits, a lock another registration waits for.
     */
    public void registerConsumers(List<String> consumers) {
        positions.registerAhead(consumers);
    }

    /**
     * Whether the generation can be brought to the last of {@link ProjectionMigrations}: a new one (no table, no
     * history), or one whose history reaches the baseline (created from it, or migrated to V13 by the migrations it
     * replaced). A generation whose history stops below the baseline, or built before its tables were Flyway
     * migrations (tables, no history), cannot: the migrations that would bring it there are gone, and it is rebuilt
     * instead ({@code ProjectionGenerations}). Reads in the caller's transaction.
     */
    public boolean migratable(Generation generation) {
        Object history = entityManager.createNativeQuery("SELECT CAST(to_regclass(?1) AS TEXT)")
                .setParameter(1, historySchema(generation) + ".projection_schema_history").getSingleResult();
        if (history != null) {
            Number reached = (Number) entityManager.createNativeQuery("SELECT count(*) FROM " + history
                    + " WHERE success AND version IS NOT NULL"
                    + " AND CAST(string_to_array(version, '.') AS INTEGER[]) >= CAST(?1 AS INTEGER[])")
                    .setParameter(1, "{" + ProjectionMigrations.BASELINE_VERSION + "}").getSingleResult();
            if (reached.intValue() > 0) {
                return true;
            }
        }
        Number tables = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = ?1")
                .setParameter(1, generation.schema()).getSingleResult();
        return tables.intValue() == 0;
    }

    private void dropSchemas(Generation generation) {
        entityManager.createNativeQuery("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE").executeUpdate();
        entityManager.createNativeQuery("DROP SCHEMA IF EXISTS " + historySchema(generation) + " CASCADE")
                .executeUpdate();
    }

    /** Records a generation that will never be switched to; its tables go with the next rebuild's clean-up. */
    public void abandon(Generation generation) {
        entityManager.createNativeQuery("UPDATE projection_generation SET state = 'ABANDONED' WHERE generation = ?1")
                .setParameter(1, generation.number()).executeUpdate();
    }

    /**
     * Brings the generation's schema to the last of {@link ProjectionMigrations}, creating it when it does not
     * exist: a new generation gets the baseline, then the migrations after it; a generation migrated to V13 by the
     * migrations the baseline replaced keeps its history (those files are gone: applied but missing is accepted)
     * and gets the migrations after it. Flyway's history of it lives beside it, in a schema of its own
     * ({@link #historySchema}): the generation's schema holds its projections and nothing else (a rebuild equals the
     * live generation table by table). Refuses a generation that is not {@link #migratable}. Must run outside a
     * transaction that holds locks on the generation's tables: Flyway has a connection of its own.
     */
    public void migrate(Generation generation) {
        migrate(generation, new ProjectionMigrations());
    }

    /** @return the migrations applied */
    int migrate(Generation generation, ProjectionMigrations migrations) {
        if (!QuarkusTransaction.requiringNew().call(() -> migratable(generation))) {
            throw new IllegalStateException(generation.schema() + " was built before the projection schema's "
                    + "baseline (V" + ProjectionMigrations.BASELINE_VERSION + ") and cannot be migrated: rebuild it");
        }
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(historySchema(generation), generation.schema())
                .defaultSchema(historySchema(generation))
                .createSchemas(true)
                .table("projection_schema_history")
                .locations("classpath:" + ProjectionMigrations.LOCATION)
                .resourceProvider(migrations)
                .placeholders(Map.of("schema", generation.schema()))
                .ignoreMigrationPatterns("*:missing")
                .load()
                .migrate().migrationsExecuted;
    }

    private static String historySchema(Generation generation) {
        return generation.schema() + "_history";
    }

    private static String resource(String name) {
        try (InputStream in = GenerationRepository.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
