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
    private static final Pattern CREATE_INDEX = Pattern.compile("(?s)^\\s*CREATE INDEX ([a-z0-9_]+ ON .*)");

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
     * it from the facts) and without the indexes only the queries read ({@link ProjectionMigrations#QUERY_INDEXES}).
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

    /** The {@code CREATE INDEX} statements of the migrations that add indexes only queries read, for a generation. */
    private static List<String> queryIndexes(Generation generation) {
        List<String> statements = new ArrayList<>();
        for (String file : ProjectionMigrations.QUERY_INDEXES) {
            statements.addAll(indexesOf(generation.sql(
                    resource(ProjectionMigrations.LOCATION + file).replace("${schema}", "{schema}"))));
        }
        return statements;
    }

    /** Every {@code CREATE INDEX} of a script, as {@code CREATE INDEX IF NOT EXISTS}: built again, it changes nothing. */
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

    private static List<String> queryIndexNames() {
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
            entityManager.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1")
                    .setParameter(1, consumer).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM consumer_offset WHERE consumer = ?1")
                    .setParameter(1, consumer).executeUpdate();
        }
    }

    /**
     * Tables the current DDL template declares but the generation's schema lacks: a generation built by an older
     * version of the service, which must be rebuilt before it can answer with the new projections.
     */
    public List<String> missingTables(Generation generation) {
        Matcher matcher = Pattern.compile("CREATE TABLE \\{schema}\\.([a-z0-9_]+)")
                .matcher(template());
        List<String> declared = new ArrayList<>();
        while (matcher.find()) {
            declared.add(matcher.group(1));
        }
        @SuppressWarnings("unchecked")
        List<String> existing = entityManager.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?1")
                .setParameter(1, generation.schema()).getResultList();
        return declared.stream().filter(table -> !existing.contains(table)).toList();
    }

    /**
     * Creates the tables (and their indexes) the template declares but the generation lacks. Their projections are
     * new consumers with no stored offset, so they read their topics from offset 0 and catch up by themselves.
     */
    public List<String> addMissingTables(Generation generation) {
        List<String> missing = missingTables(generation);
        if (missing.isEmpty()) {
            return missing;
        }
        String ddl = generation.sql(template()).replaceAll("(?m)^\\s*--.*$", "");
        Pattern target = Pattern.compile(
                "(?s)^\\s*CREATE (?:TABLE|INDEX [a-z0-9_]+ ON) " + generation.schema() + "\\.([a-z0-9_]+)\\b.*");
        for (String statement : ddl.split(";")) {
            Matcher matcher = target.matcher(statement);
            if (matcher.matches() && missing.contains(matcher.group(1))) {
                entityManager.createNativeQuery(statement).executeUpdate();
            }
        }
        return missing;
    }

    /**
     * Creates the indexes the template declares but the generation lacks (an index added by a newer version of the
     * service). Built while the service starts, so a large generation delays the start-up once.
     */
    public void addMissingIndexes(Generation generation) {
        for (String index : indexesOf(generation.sql(template()))) {
            entityManager.createNativeQuery(index).executeUpdate();
        }
    }

    /**
     * Upgrades in place a generation built before the profile and counsellor-period versions (its new tables were
     * just added by {@link #addMissingTables}). @return whether it needed it
     */
    public boolean upgradeToVersionedProfiles(Generation generation) {
        Number columns = (Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = ?1 AND table_name = 'beneficiary' AND column_name = 'profile_recorded_at'
                """).setParameter(1, generation.schema()).getSingleResult();
        if (columns.intValue() > 0) {
            return false;
        }
        String script = generation.sql(resource("projections/upgrade-profile-versions.sql"))
                .replaceAll("(?m)^\\s*--.*$", "");
        for (String statement : script.split(";")) {
            if (!statement.isBlank()) {
                entityManager.createNativeQuery(statement).executeUpdate();
            }
        }
        return true;
    }

    /**
     * Brings the generation's schema to the last of {@link ProjectionMigrations}, creating it when it does not
     * exist. Flyway's history of it lives beside it, in a schema of its own ({@link #historySchema}): the
     * generation's schema holds its projections and nothing else (a rebuild equals the live generation table by
     * table). A generation built before its tables were migrated by Flyway (tables, no history) is taken as being
     * at version 1, the tables it had, completed by {@link #addMissingTables}. Must run outside a transaction that
     * holds locks on the generation's tables: Flyway has a connection of its own.
     */
    public void migrate(Generation generation) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(historySchema(generation), generation.schema())
                .defaultSchema(historySchema(generation))
                .createSchemas(true)
                .table("projection_schema_history")
                .locations("classpath:" + ProjectionMigrations.LOCATION)
                .resourceProvider(new ProjectionMigrations())
                .placeholders(Map.of("schema", generation.schema()))
                .baselineVersion("1")
                .load();
        // Flyway judges a schema new by its default schema, here the history's: a generation with tables and no
        // history is said to be at V1 explicitly
        if (builtBeforeFlyway(generation)) {
            flyway.baseline();
        }
        flyway.migrate();
    }

    private boolean builtBeforeFlyway(Generation generation) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("""
                     SELECT to_regclass(? || '.structure') IS NOT NULL
                        AND to_regclass(? || '_history.projection_schema_history') IS NULL""")) {
            statement.setString(1, generation.schema());
            statement.setString(2, generation.schema());
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the tables of " + generation.schema(), e);
        }
    }

    private static String historySchema(Generation generation) {
        return generation.schema() + "_history";
    }

    /** The tables of version 1 with the placeholder the generations' {@code sql} replaces. */
    private static String template() {
        return resource(ProjectionMigrations.LOCATION + ProjectionMigrations.FILES.get(0))
                .replace("${schema}", "{schema}");
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
