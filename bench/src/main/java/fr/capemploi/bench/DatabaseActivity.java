package fr.capemploi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the services asked of PostgreSQL during a run, per database: transactions and rows written, and, when the
 * server preloads {@code pg_stat_statements} ({@code SUITE_PG_SETTINGS=shared_preload_libraries=pg_stat_statements}),
 * the statements that took its time. PostgreSQL's CPU per request alone does not say which service's work it is.
 */
final class DatabaseActivity {

    private static final String[] COUNTERS = {"xact_commit", "xact_rollback", "tup_inserted", "tup_updated",
            "tup_deleted", "tup_returned", "tup_fetched"};

    private final BenchStack stack;

    DatabaseActivity(BenchStack stack) {
        this.stack = stack;
    }

    /** Counters per database now; the statements' statistics are reset, so that the end shows this run's. */
    Map<String, long[]> snapshot(boolean resetStatements) {
        Map<String, long[]> counters = new TreeMap<>();
        try (Connection connection = stack.connectToServer(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT datname, " + String.join(", ", COUNTERS)
                    + " FROM pg_stat_database WHERE datname IN ('beneficiary', 'cep', 'cpf', 'reporting')")) {
                counters.putAll(countersByName(rows, COUNTERS.length));
            }
            if (resetStatements && statementsTracked(statement)) {
                statement.execute("SELECT pg_stat_statements_reset()");
            }
        } catch (SQLException e) {
            System.out.println("  (database statistics unavailable: " + e.getMessage() + ")");
        }
        return counters;
    }

    /** Per database: each counter's increase per request. */
    static String perRequest(Map<String, long[]> before, Map<String, long[]> after, long requests) {
        StringBuilder text = new StringBuilder("  per demo request, by database (" + String.join(", ", COUNTERS)
                + "):");
        after.forEach((database, values) -> {
            long[] old = before.getOrDefault(database, new long[values.length]);
            text.append(String.format(Locale.ROOT, "%n    %-12s", database));
            for (int i = 0; i < values.length; i++) {
                text.append(String.format(Locale.ROOT, " %8.2f", (values[i] - old[i]) / (double) Math.max(1, requests)));
            }
        });
        return text.toString();
    }

    /** The statements that took the server's time since the reset, the costliest first (when tracked). */
    String topStatements(long requests, int limit) {
        return topStatements(requests, "demo request", limit);
    }

    /** The statements that took the server's time since the reset, per {@code unit} (when tracked). */
    String topStatements(long requests, String unit, int limit) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = stack.connectToServer(); Statement statement = connection.createStatement()) {
            if (!statementsTracked(statement)) {
                return "  (pg_stat_statements not preloaded: no statement profile)";
            }
            double[] total = {0};
            try (ResultSet sum = statement.executeQuery("SELECT sum(total_exec_time) FROM pg_stat_statements")) {
                sum.next();
                total[0] = sum.getDouble(1);
            }
            // per call too: rows and shared blocks (hit + read) show a statement whose work grows with its tables,
            // where its time per event alone may be the machine's load
            try (ResultSet rows = statement.executeQuery("SELECT d.datname, s.calls, s.total_exec_time, s.rows, "
                    + "regexp_replace(s.query, '\\s+', ' ', 'g'), s.shared_blks_hit + s.shared_blks_read, s.queryid "
                    + "FROM pg_stat_statements s "
                    + "JOIN pg_database d ON d.oid = s.dbid ORDER BY s.total_exec_time DESC LIMIT " + limit)) {
                while (rows.next()) {
                    String query = rows.getString(5);
                    double calls = Math.max(1, rows.getLong(2));
                    lines.add(String.format(Locale.ROOT, "    %-11s %5.1f %% %7.4f ms/%s %6.3f calls/%s %8.3f ms/call"
                            + " %8.1f rows/call %9.1f blocks/call  %d  %s",
                            rows.getString(1), 100 * rows.getDouble(3) / Math.max(1e-9, total[0]),
                            rows.getDouble(3) / Math.max(1, requests), unit, rows.getLong(2) / (double) Math.max(1, requests),
                            unit, rows.getDouble(3) / calls, rows.getLong(4) / calls, rows.getLong(6) / calls,
                            rows.getLong(7), query.length() > 160 ? query.substring(0, 160) + "…" : query));
                }
            }
            // the consumers' bookkeeping: one position upsert per polled batch, so its calls count the batches
            try (ResultSet rows = statement.executeQuery("SELECT d.datname, sum(s.calls), sum(s.total_exec_time) "
                    + "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                    + "WHERE s.query LIKE 'INSERT INTO consumer_offset%' GROUP BY d.datname ORDER BY 1")) {
                StringBuilder batches = new StringBuilder("    consumers' batches (position upserts) per " + unit + ":");
                while (rows.next()) {
                    batches.append(String.format(Locale.ROOT, " %s %.3f (%.3f ms)", rows.getString(1),
                            rows.getLong(2) / (double) Math.max(1, requests), rows.getDouble(3) / Math.max(1, requests)));
                }
                lines.add(batches.toString());
            }
            return String.format(Locale.ROOT, "  statements' execution time, %.3f ms per %s in all:%n",
                    total[0] / Math.max(1, requests), unit) + String.join(System.lineSeparator(), lines);
        } catch (SQLException e) {
            return "  (statement profile unavailable: " + e.getMessage() + ")";
        }
    }

    /**
     * The server's WAL and checkpoints now: records, full-page images, bytes, checkpoints (timed + requested). A
     * statement touching pages scattered over a growing index writes more full-page images after each checkpoint.
     */
    long[] wal() {
        try (Connection connection = stack.connectToServer(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT w.wal_records, w.wal_fpi, w.wal_bytes,"
                        + " c.num_timed + c.num_requested FROM pg_stat_wal w, pg_stat_checkpointer c")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
        } catch (SQLException e) {
            return new long[4];
        }
    }

    /** pg_stat_io now, per kind of process: reads, writes, extends, evictions, hits (blocks), all contexts. */
    Map<String, long[]> io() {
        return counters(false, "SELECT backend_type, sum(coalesce(reads, 0)), sum(coalesce(writes, 0)),"
                + " sum(coalesce(extends, 0)), sum(coalesce(evictions, 0)), sum(coalesce(hits, 0)) FROM pg_stat_io"
                + " GROUP BY backend_type", 5, "pg_stat_io");
    }

    /**
     * Blocks per {@code unit} by kind of process (reads from the OS, writes, extends, evictions, hits): a database
     * outgrowing its shared buffers reads and evicts more each network, and writes more dirty pages.
     */
    static String ioPer(Map<String, long[]> before, Map<String, long[]> after, long units, String unit) {
        StringBuilder text = new StringBuilder("  pg_stat_io, blocks per " + unit
                + " (reads, writes, extends, evictions, hits):");
        after.forEach((kind, values) -> {
            long[] old = before.getOrDefault(kind, new long[values.length]);
            if (values[0] - old[0] + values[1] - old[1] + values[3] - old[3] > 0) {
                text.append(String.format(Locale.ROOT, " %s %.3f, %.3f, %.3f, %.3f, %.1f;", kind,
                        (values[0] - old[0]) / (double) units, (values[1] - old[1]) / (double) units,
                        (values[2] - old[2]) / (double) units, (values[3] - old[3]) / (double) units,
                        (values[4] - old[4]) / (double) units));
            }
        });
        return text.toString();
    }

    static String walPer(long[] before, long[] after, long units, String unit) {
        return String.format(Locale.ROOT, "  WAL per %s: %.2f records, %.3f full-page images, %.0f bytes; %d checkpoints",
                unit, (after[0] - before[0]) / (double) units, (after[1] - before[1]) / (double) units,
                (after[2] - before[2]) / (double) units, after[3] - before[3]);
    }

    private static final String[] TABLE_COUNTERS = {"seq_scan", "seq_tup_read", "idx_scan", "idx_tup_fetch",
            "n_tup_ins", "n_tup_upd", "n_tup_hot_upd", "n_tup_del", "n_live_tup", "n_dead_tup", "vacuum_count",
            "autovacuum_count", "analyze_count", "autoanalyze_count"};

    /**
     * Per table of the write services' databases (beneficiary, cep, cpf): {@link #TABLE_COUNTERS} now, keyed
     * {@code database.table}. A request's look-ups show here as index scans per request; a sequential scan on a table
     * that grows with the load is a missing index.
     */
    Map<String, long[]> writeTables() {
        Map<String, long[]> all = new TreeMap<>();
        for (fr.capemploi.localstack.SuiteService service : new fr.capemploi.localstack.SuiteService[] {
                fr.capemploi.localstack.SuiteService.BENEFICIARY, fr.capemploi.localstack.SuiteService.CEP,
                fr.capemploi.localstack.SuiteService.CPF}) {
            try (Connection connection = stack.connect(service); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT relname, " + String.join(", ", List.of(
                            TABLE_COUNTERS).stream().map(c -> "coalesce(" + c + ", 0)").toList())
                            + " FROM pg_stat_user_tables WHERE schemaname = 'public'")) {
                countersByName(rows, TABLE_COUNTERS.length).forEach((table, values) ->
                        all.put(service.database() + "." + table, values));
            } catch (SQLException e) {
                System.out.println("  (table statistics of " + service.database() + " unavailable: " + e.getMessage()
                        + ")");
            }
        }
        return all;
    }

    /**
     * Per database: the statements' calls and execution time per {@code unit}, and the calls' rows — what a request
     * asks of each database in all, where the top statements show only the costliest.
     */
    String statementsPerDatabase(long units, String unit) {
        try (Connection connection = stack.connectToServer(); Statement statement = connection.createStatement()) {
            if (!statementsTracked(statement)) {
                return "";
            }
            // top-level statements only: with pg_stat_statements.track=all a function's or a foreign key's statements
            // are counted inside their caller's time too
            StringBuilder text = new StringBuilder("  top-level statements per " + unit
                    + ", by database (calls, execution ms, planning ms, rows):");
            try (ResultSet rows = statement.executeQuery("SELECT d.datname, sum(s.calls), sum(s.total_exec_time), "
                    + "sum(s.total_plan_time), sum(s.rows) FROM pg_stat_statements s "
                    + "JOIN pg_database d ON d.oid = s.dbid WHERE s.toplevel GROUP BY d.datname ORDER BY 1")) {
                while (rows.next()) {
                    double per = Math.max(1, units);
                    text.append(String.format(Locale.ROOT, "%n    %-12s %8.2f %8.4f %8.4f %8.2f", rows.getString(1),
                            rows.getLong(2) / per, rows.getDouble(3) / per, rows.getDouble(4) / per,
                            rows.getLong(5) / per));
                }
            }
            return text.toString();
        } catch (SQLException e) {
            return "  (statements per database unavailable: " + e.getMessage() + ")";
        }
    }

    /** Per table of a generation's schema in the reporting database: {@link #TABLE_COUNTERS} now. */
    Map<String, long[]> tables(String schema) {
        return counters(true, "SELECT relname, " + String.join(", ", List.of(TABLE_COUNTERS).stream()
                .map(c -> "coalesce(" + c + ", 0)").toList()) + " FROM pg_stat_user_tables WHERE schemaname = '"
                + schema + "'", TABLE_COUNTERS.length, "table statistics");
    }

    /**
     * The tables a run scanned or changed: the counters' increase (live and dead tuples as they are at the end), the
     * most rows read by sequential scans first — a scan that reads more rows each network is a cost that grows with
     * the tables.
     */
    static String tableChanges(Map<String, long[]> before, Map<String, long[]> after, int limit) {
        StringBuilder text = new StringBuilder("  tables (" + String.join(", ", TABLE_COUNTERS)
                + "; n_live_tup and n_dead_tup at the end, the rest increased):");
        after.entrySet().stream()
                .map(e -> {
                    long[] old = before.getOrDefault(e.getKey(), new long[TABLE_COUNTERS.length]);
                    long[] change = new long[TABLE_COUNTERS.length];
                    for (int i = 0; i < change.length; i++) {
                        boolean gauge = TABLE_COUNTERS[i].equals("n_live_tup") || TABLE_COUNTERS[i].equals("n_dead_tup");
                        change[i] = gauge ? e.getValue()[i] : e.getValue()[i] - old[i];
                    }
                    return Map.entry(e.getKey(), change);
                })
                .filter(e -> e.getValue()[0] + e.getValue()[2] + e.getValue()[4] + e.getValue()[5] + e.getValue()[7] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(limit)
                .forEach(e -> {
                    text.append(String.format(Locale.ROOT, "%n    %-24s", e.getKey()));
                    for (long value : e.getValue()) {
                        text.append(String.format(Locale.ROOT, " %9d", value));
                    }
                });
        return text.toString();
    }

    /**
     * Every statement since the reset, whole, one per line (tab-separated: database, queryid, calls, total ms, rows,
     * shared blocks hit, read, dirtied, query, WAL records, full-page images, WAL bytes, shared blocks written, planning
     * ms), to compare one network's statements with another's afterwards.
     */
    void dumpStatements(java.nio.file.Path file) {
        try (Connection connection = stack.connectToServer(); Statement statement = connection.createStatement()) {
            if (!statementsTracked(statement)) {
                return;
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT d.datname, s.queryid, s.calls, s.total_exec_time,"
                    + " s.rows, s.shared_blks_hit, s.shared_blks_read, s.shared_blks_dirtied,"
                    + " regexp_replace(s.query, '\\s+', ' ', 'g'), s.wal_records, s.wal_fpi, s.wal_bytes,"
                    + " s.shared_blks_written, s.total_plan_time FROM pg_stat_statements s"
                    + " JOIN pg_database d ON d.oid = s.dbid ORDER BY s.total_exec_time DESC")) {
                while (rows.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= 14; i++) {
                        line.append(i > 1 ? "\t" : "").append(rows.getString(i));
                    }
                    lines.add(line.toString());
                }
            }
            java.nio.file.Files.write(file, lines);
        } catch (SQLException | java.io.IOException e) {
            System.out.println("  (statements not written: " + e.getMessage() + ")");
        }
    }

    /**
     * A statistics query's rows (a name, then {@code width} counters) by name, in the reporting database or the
     * server's; empty, said once, when the server cannot answer.
     */
    private Map<String, long[]> counters(boolean reporting, String query, int width, String what) {
        try (Connection connection = reporting ? stack.connect(fr.capemploi.localstack.SuiteService.REPORTING)
                : stack.connectToServer(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return countersByName(rows, width);
        } catch (SQLException e) {
            System.out.println("  (" + what + " unavailable: " + e.getMessage() + ")");
            return new TreeMap<>();
        }
    }

    /**
     * A rebuild's top-level statements by kind, per event: which way of writing carries PostgreSQL's share (a plain
     * insert, a COPY, an upsert, an insert reading the table it writes, an update, the portfolio recomputation, the
     * processed-event log, the finalisation's functions and indexes...). Calls, execution ms, rows, shared blocks and
     * WAL bytes per event; nested statements (a function's, with {@code track = all}) are in their caller's.
     */
    String statementKinds(long events) {
        String kind = """
                CASE WHEN s.query LIKE '%INSERT INTO processed_event%' OR s.query LIKE 'COPY processed_event%'
                          OR s.query LIKE 'SELECT id FROM event_consumer%' THEN 'processed-event log'
                     WHEN s.query LIKE 'COPY %' THEN 'copy'
                     WHEN s.query LIKE 'INSERT INTO consumer_offset%' THEN 'positions'
                     WHEN s.query LIKE 'WITH input AS%portfolio_span%' THEN 'portfolio recomputation'
                     WHEN s.query LIKE 'INSERT%ON CONFLICT%DO UPDATE%' THEN 'insert ... on conflict do update'
                     WHEN s.query LIKE 'INSERT%ON CONFLICT%DO NOTHING%' THEN 'insert ... on conflict do nothing'
                     WHEN s.query LIKE 'INSERT%SELECT%' THEN 'insert ... select'
                     WHEN s.query LIKE 'INSERT%' THEN 'plain insert'
                     WHEN s.query LIKE 'UPDATE%' THEN 'update'
                     WHEN s.query LIKE 'SELECT %refresh_%' OR s.query LIKE 'SELECT %recompute_%'
                          OR s.query LIKE 'CREATE INDEX%' OR s.query LIKE 'LOCK TABLE%' THEN 'finalisation'
                     ELSE 'other' END""";
        StringBuilder text = new StringBuilder("  top-level statements by kind, per event (calls, execution ms, rows,"
                + " shared blocks, WAL bytes; share of the execution time):");
        try (Connection connection = stack.connectToServer(); Statement statement = connection.createStatement()) {
            if (!statementsTracked(statement)) {
                return "  (pg_stat_statements not preloaded: no statements by kind)";
            }
            try (ResultSet rows = statement.executeQuery("SELECT kind, sum(calls), sum(total_exec_time), "
                    + "sum(rows), sum(shared_blks_hit + shared_blks_read), sum(wal_bytes), "
                    + "sum(total_exec_time) / nullif(sum(sum(total_exec_time)) OVER (), 0) FROM (SELECT " + kind
                    + " AS kind, s.* FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                    + "WHERE s.toplevel AND d.datname = 'reporting') k GROUP BY kind ORDER BY 3 DESC")) {
                double per = Math.max(1, events);
                while (rows.next()) {
                    text.append(String.format(Locale.ROOT,
                            "%n    %-32s %7.4f calls %8.4f ms %7.3f rows %7.2f blocks %7.1f WAL bytes  %5.1f %%",
                            rows.getString(1), rows.getLong(2) / per, rows.getDouble(3) / per, rows.getLong(4) / per,
                            rows.getLong(5) / per, rows.getDouble(6) / per, 100 * rows.getDouble(7)));
                }
            }
            return text.toString();
        } catch (SQLException e) {
            return "  (statements by kind unavailable: " + e.getMessage() + ")";
        }
    }

    /** Rows of a name followed by {@code width} counters, by name. */
    private static Map<String, long[]> countersByName(ResultSet rows, int width) throws SQLException {
        Map<String, long[]> counters = new TreeMap<>();
        while (rows.next()) {
            long[] values = new long[width];
            for (int i = 0; i < width; i++) {
                values[i] = rows.getLong(i + 2);
            }
            counters.put(rows.getString(1), values);
        }
        return counters;
    }

    private static boolean statementsTracked(Statement statement) throws SQLException {
        try (ResultSet preload = statement.executeQuery("SHOW shared_preload_libraries")) {
            preload.next();
            if (!preload.getString(1).contains("pg_stat_statements")) {
                return false;
            }
        }
        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return true;
    }
}
