package fr.capemploi.reporting.repository;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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

    public GenerationRepository(EntityManager entityManager, DataSource dataSource) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
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
     * generation of the same number finds its schema migrated already.
     */
    public Generation create(int number, Generation.State state) {
        Generation generation = Generation.numbered(number, state);
        // Flyway commits each migration itself: outside the caller's transaction, on a connection of its own
        QuarkusTransaction.suspendingExisting().run(() -> migrate(generation));
        boolean deferred = state == Generation.State.BUILDING;
        if (deferred) {
            deferUpkeep(generation);
        }
        entityManager.createNativeQuery("INSERT INTO projection_generation (generation, schema_name, state, activated_at, "
                + "upkeep) VALUES (?1, ?2, ?3, CASE WHEN ?3 = 'ACTIVE' THEN now() END, ?4)")
                .setParameter(1, number).setParameter(2, generation.schema()).setParameter(3, state.name())
                .setParameter(4, deferred ? "DEFERRED" : "KEPT")
                .executeUpdate();
        return generation;
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
        ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.refresh_monthly_facts()"), Map.of());
        long monthly = System.nanoTime();
        ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.refresh_people_and_delays()"), Map.of());
        long people = System.nanoTime();
        for (String index : queryIndexes(generation)) {
            entityManager.createNativeQuery(index).executeUpdate();
        }
        LOG.infof("%s: monthly_fact filled in %.2f s, people and delays in %.2f s, query indexes built in %.2f s",
                generation.schema(), (monthly - locked) / 1e9, (people - monthly) / 1e9,
                (System.nanoTime() - people) / 1e9);
        entityManager.createNativeQuery("UPDATE projection_generation SET upkeep = 'KEPT', upkeep_restored_from = now(), "
                + "upkeep_restored_at = clock_timestamp() WHERE generation = ?1").setParameter(1, generation.number())
                .executeUpdate();
        return true;
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

    /** Drops a retired generation's tables and its consumers' bookkeeping. */
    public void drop(Generation generation, List<String> consumers) {
        entityManager.createNativeQuery("DROP SCHEMA IF EXISTS " + generation.schema() + " CASCADE").executeUpdate();
        entityManager.createNativeQuery("DROP SCHEMA IF EXISTS " + historySchema(generation) + " CASCADE")
                .executeUpdate();
        for (String consumer : consumers) {
            // the consumer's number goes with its log: a name used again later is registered anew
            entityManager.createNativeQuery("WITH gone AS (DELETE FROM event_consumer WHERE name = ?1 RETURNING id) "
                    + "DELETE FROM processed_event WHERE consumer_id IN (SELECT id FROM gone)")
                    .setParameter(1, consumer).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM consumer_offset WHERE consumer = ?1")
                    .setParameter(1, consumer).executeUpdate();
        }
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

    void migrate(Generation generation, ProjectionMigrations migrations) {
        if (!QuarkusTransaction.requiringNew().call(() -> migratable(generation))) {
            throw new IllegalStateException(generation.schema() + " was built before the projection schema's "
                    + "baseline (V" + ProjectionMigrations.BASELINE_VERSION + ") and cannot be migrated: rebuild it");
        }
        Flyway.configure()
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
                .migrate();
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
