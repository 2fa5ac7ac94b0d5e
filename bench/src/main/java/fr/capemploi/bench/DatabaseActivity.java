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
                while (rows.next()) {
                    long[] values = new long[COUNTERS.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rows.getLong(i + 2);
                    }
                    counters.put(rows.getString(1), values);
                }
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
            try (ResultSet rows = statement.executeQuery("SELECT d.datname, s.calls, s.total_exec_time, s.rows, "
                    + "regexp_replace(s.query, '\\s+', ' ', 'g') FROM pg_stat_statements s "
                    + "JOIN pg_database d ON d.oid = s.dbid ORDER BY s.total_exec_time DESC LIMIT " + limit)) {
                while (rows.next()) {
                    String query = rows.getString(5);
                    lines.add(String.format(Locale.ROOT, "    %-11s %5.1f %% %7.4f ms/%s %6.3f calls/%s  %s",
                            rows.getString(1), 100 * rows.getDouble(3) / Math.max(1e-9, total[0]),
                            rows.getDouble(3) / Math.max(1, requests), unit, rows.getLong(2) / (double) Math.max(1, requests),
                            unit, query.length() > 160 ? query.substring(0, 160) + "…" : query));
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
