package fr.capemploi.platform.retention;

import fr.capemploi.platform.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the platform's bookkeeping tables bounded: published outbox rows, the processed-event log and stored
 * idempotent answers older than their window ({@link PlatformConfig.Retention}) are deleted, a few at a time. Each batch
 * is one short autocommit {@code DELETE ... WHERE key IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)} on the age
 * index ({@link Pruned}): it never waits for a row a writer holds and never holds many, so writers are not blocked.
 * The same run refreshes the table-size gauges ({@code platform_table_rows}, {@code platform_table_bytes}).
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /**
     * A table, the key a batch deletes by, the column holding the age of a row, and whether a batch takes the oldest
     * rows first (a B-tree on the age gives them in order) or any rows past the window (a BRIN index on the age,
     * {@code processed_event}'s since V0_8, finds the old ranges but no order: sorting every row past the window for
     * each batch would cost the most when the most is to prune). Every row past the window goes either way.
     */
    private record Pruned(String table, String key, String age, Duration window, boolean oldestFirst) {

        String statement(String part) {
            return "DELETE FROM " + part + " WHERE (" + key + ") IN (SELECT " + key + " FROM " + part + " WHERE "
                    + age + " < ?" + (oldestFirst ? " ORDER BY " + age : "") + " LIMIT ? FOR UPDATE SKIP LOCKED)";
        }
    }

    /**
     * The tables holding each table {@code c}'s rows, as {@code l}: a partitioned table's partitions (V0_9's log), or
     * a plain table itself ({@code pg_partition_tree} gives no row for a table that is neither partitioned nor a
     * partition). Read from the catalogue, so that which table is partitioned is the schema's word alone.
     */
    private static final String LEAVES = """
            JOIN pg_class l ON l.oid = c.oid AND c.relkind = 'r'
              OR l.oid IN (SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf) AND c.relkind = 'p'
            """;

    /**
     * The tables a table's batches delete from ({@link #LEAVES}): a partitioned table's partitions, one after the
     * other. The statement on the partitioned table itself joins a batch's keys to every partition, and PostgreSQL
     * hashed them against a scan of the whole log (0.7 s for 1,000 rows of 430,000 over 12 partitions) where one
     * partition's key is probed per row (bench/JOURNAL.md, "A retired generation's processed-event log dropped").
     */
    private static List<String> partsOf(Connection connection, Pruned table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT l.oid::regclass::text FROM pg_class c "
                + LEAVES + "WHERE c.oid = to_regclass(?) ORDER BY l.oid")) {
            select.setString(1, table.table());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    parts.add(rs.getString(1));
                }
            }
        }
        return parts;
    }

    private final AgroalDataSource dataSource;
    private final PlatformConfig.Retention settings;
    private final List<Pruned> tables;
    private final Map<String, AtomicLong> rows = new LinkedHashMap<>();
    private final Map<String, AtomicLong> bytes = new LinkedHashMap<>();
    private final Map<String, Counter> deleted = new LinkedHashMap<>();

    public Retention(AgroalDataSource dataSource, PlatformConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.settings = config.retention();
        this.tables = List.of(
                new Pruned("outbox_event", "id", "published_at", settings.outboxPublished(), true),
                // a partition per consumer since V0_9
                new Pruned("processed_event", "consumer_id, event_id", "processed_at", settings.processedEvents(),
                        false),
                new Pruned("idempotent_response", "caller, operation, idempotency_key", "created_at",
                        settings.idempotentAnswers(), true));
        for (String table : List.of("outbox_event", "processed_event", "idempotent_response", "consumer_offset",
                "dead_lettered_event")) {
            AtomicLong rowCount = new AtomicLong();
            AtomicLong byteCount = new AtomicLong();
            rows.put(table, rowCount);
            bytes.put(table, byteCount);
            Gauge.builder("platform.table.rows", rowCount, AtomicLong::get).tag("table", table)
                    .description("Rows of a platform table (PostgreSQL's estimate, refreshed by each retention run)")
                    .register(registry);
            Gauge.builder("platform.table.bytes", byteCount, AtomicLong::get).tag("table", table).baseUnit("bytes")
                    .description("Size of a platform table with its indexes and TOAST").register(registry);
        }
        tables.forEach(t -> deleted.put(t.table(), Counter.builder("retention.pruned").tag("table", t.table())
                .description("Rows deleted by retention").register(registry)));
    }

    @Scheduled(every = "${cepcpf.retention.interval:5m}", delayed = "${cepcpf.retention.first-run-after:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        try {
            prune();
        } catch (SQLException | RuntimeException e) {
            // the database may be away: the next run catches up, and the outage is reported elsewhere
            LOG.debugf("Retention run skipped: %s", e.getMessage());
        }
    }

    /** One run: prunes every table, then refreshes the size gauges. @return rows deleted per table */
    public Map<String, Long> prune() throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (Pruned table : tables) {
                long total = 0;
                // the run's batches shared by a partitioned table's partitions
                int batches = 0;
                for (String part : partsOf(connection, table)) {
                    try (PreparedStatement delete = connection.prepareStatement(table.statement(part))) {
                        delete.setTimestamp(1, Timestamp.from(now.minus(table.window())));
                        delete.setInt(2, settings.batchSize());
                        while (batches < settings.maxBatchesPerRun()) {
                            batches++;
                            int count = delete.executeUpdate();
                            total += count;
                            if (count < settings.batchSize()) {
                                break;
                            }
                        }
                    } catch (SQLException e) {
                        if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                            throw e;
                        }
                        // a partition dropped since the list was read (a consumer retired): nothing left to prune
                    }
                }
                deleted.get(table.table()).increment(total);
                result.put(table.table(), total);
            }
            refreshSizes(connection);
        }
        if (result.values().stream().anyMatch(n -> n > 0)) {
            LOG.debugf("Retention pruned %s", result);
        }
        return result;
    }

    private static final String UNDEFINED_TABLE = "42P01";

    /** A table counts its {@link #LEAVES}: a partitioned table (V0_9's log) has no rows or storage of its own. */
    private void refreshSizes(Connection connection) throws SQLException {
        try (PreparedStatement sizes = connection.prepareStatement("""
                SELECT c.relname, sum(greatest(l.reltuples, 0))::bigint, sum(pg_total_relation_size(l.oid))::bigint
                FROM pg_class c
                """ + LEAVES + """
                WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY(?)
                GROUP BY c.relname""")) {
            sizes.setArray(1, connection.createArrayOf("text", rows.keySet().toArray()));
            try (ResultSet result = sizes.executeQuery()) {
                while (result.next()) {
                    rows.get(result.getString(1)).set(result.getLong(2));
                    bytes.get(result.getString(1)).set(result.getLong(3));
                }
            }
        }
    }

    /** {@code cepcpf.retention.enabled=false} turns the scheduled runs off (e.g. to keep every row while debugging). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final boolean enabled;

        public Disabled(PlatformConfig config) {
            this.enabled = config.retention().enabled();
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !enabled;
        }
    }
}
