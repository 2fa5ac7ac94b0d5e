package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What PostgreSQL alone allows a rebuild: the rows a rebuilt generation holds once its facts are applied — its fact
 * tables, its processed-event log, its positions — written again by COPY over plain JDBC, in one transaction per batch
 * of the rebuild's size (synchronous commit off, as the projections' transactions), into empty tables with the
 * indexes the rebuild's tables had while it applied (its query indexes and pre-aggregates come at the finalisation,
 * which is timed apart). No service, no statement built, nothing read back: the floor under any way of applying the
 * same rows. Each table's rows are cut into as many equal slices as there are batches, in the order they were written.
 */
final class PostgresFloor {

    /** The fact tables the projections write (projection migration V1); the others are pre-aggregates. */
    private static final List<String> FACT_TABLES = List.of("structure", "counsellor", "counsellor_period",
            "beneficiary", "beneficiary_profile", "referent_assignment", "portfolio_span", "portfolio_month",
            "level1_contact", "accompaniment", "accompaniment_level", "cep_information", "interview", "action",
            "declaration", "cpf_step", "training_project", "training_outcome", "funding_decision");
    private static final String SCHEMA = "bench_floor";
    /** Consumer names of the floor's processed-event and position rows, removed once it has run. */
    private static final String CONSUMER_PREFIX = "bench-floor.";

    private final BenchStack stack;
    private final String source;
    private final List<String> indexes;
    private final Map<String, List<byte[]>> rows;
    private final List<byte[]> processed;
    private final List<Position> positions;

    private PostgresFloor(BenchStack stack, String source, List<String> indexes, Map<String, List<byte[]>> rows,
            List<byte[]> processed, List<Position> positions) {
        this.stack = stack;
        this.source = source;
        this.indexes = indexes;
        this.rows = rows;
        this.processed = processed;
        this.positions = positions;
    }

    /** The definitions of a schema's indexes now (a rebuild's, right after it was created: its deferred ones absent). */
    static List<String> indexes(BenchStack stack, String schema) throws Exception {
        List<String> definitions = new ArrayList<>();
        try (Connection connection = stack.connect(SuiteService.REPORTING);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY indexname")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (FACT_TABLES.contains(rs.getString(1))) {
                        definitions.add(rs.getString(2));
                    }
                }
            }
        }
        return definitions;
    }

    /** Reads the rows of generation {@code generation} and of its consumers into memory. */
    static PostgresFloor of(BenchStack stack, int generation, List<String> indexesWhileApplying) throws Exception {
        String source = "reporting_g" + generation;
        String consumers = "consumer LIKE '%.g" + generation + "'";
        try (Connection connection = stack.connect(SuiteService.REPORTING)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, List<byte[]>> rows = new LinkedHashMap<>();
            for (String table : FACT_TABLES) {
                rows.put(table, lines(copy, "COPY " + source + "." + table + " TO STDOUT"));
            }
            // the log's rows under numbers of the floor's own consumers (V0_7), registered before the timed part as
            // a rebuild's consumers are in its first batch
            try (Statement statement = connection.createStatement()) {
                // each with its log's partition (platform's V0_9)
                statement.execute("SELECT register_event_consumer('" + CONSUMER_PREFIX + "' || name)"
                        + " FROM event_consumer WHERE name LIKE '%.g" + generation + "'");
            }
            List<byte[]> processed = lines(copy, "COPY (SELECT f.id, p.event_id FROM processed_event p"
                    + " JOIN event_consumer c ON c.id = p.consumer_id JOIN event_consumer f ON f.name = '"
                    + CONSUMER_PREFIX + "' || c.name WHERE c.name LIKE '%.g" + generation + "') TO STDOUT");
            List<Position> positions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT consumer, topic, kafka_partition FROM consumer_offset"
                            + " WHERE " + consumers)) {
                while (rs.next()) {
                    positions.add(new Position(CONSUMER_PREFIX + rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return new PostgresFloor(stack, source, List.copyOf(indexesWhileApplying), rows, processed, positions);
        }
    }

    /** What is written, for the print. */
    String rows() {
        long facts = rows.values().stream().mapToLong(List::size).sum();
        return "%,d fact rows in %d tables, %,d processed-event rows, %d positions per batch".formatted(facts,
                rows.size(), processed.size(), positions.size());
    }

    /**
     * Creates the empty tables (not timed, as a rebuild's generation is created before it is fed), writes the rows in
     * {@code ceil(events / batch)} transactions, then removes what it wrote. @return the seconds the writing took
     */
    double write(int batch, long events) throws Exception {
        int batches = (int) Math.max(1, (events + batch - 1) / batch);
        try (Connection connection = stack.connect(SuiteService.REPORTING)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
                for (String table : FACT_TABLES) {
                    statement.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE " + source + "." + table
                            + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)");
                }
                for (String index : indexes) {
                    statement.execute(index.replace(" ON " + source + ".", " ON " + SCHEMA + "."));
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (Statement statement = connection.createStatement();
                    PreparedStatement advance = connection.prepareStatement("INSERT INTO consumer_offset (consumer,"
                            + " topic, kafka_partition, next_offset, updated_at) VALUES (?, ?, ?, ?, now())"
                            + " ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET next_offset ="
                            + " excluded.next_offset, updated_at = excluded.updated_at")) {
                for (int b = 0; b < batches; b++) {
                    statement.execute("SET LOCAL synchronous_commit = off");
                    for (Map.Entry<String, List<byte[]>> table : rows.entrySet()) {
                        copyIn(copy, "COPY " + SCHEMA + "." + table.getKey() + " FROM STDIN", table.getValue(), b,
                                batches);
                    }
                    copyIn(copy, "COPY processed_event (consumer_id, event_id) FROM STDIN", processed, b, batches);
                    for (Position position : positions) {
                        advance.setString(1, position.consumer());
                        advance.setString(2, position.topic());
                        advance.setInt(3, position.partition());
                        advance.setLong(4, b + 1L);
                        advance.addBatch();
                    }
                    advance.executeBatch();
                    connection.commit();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // the floor's logs dropped with their partitions (V0_9), as a retired generation's are
                List<Integer> gone = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("DELETE FROM event_consumer WHERE name LIKE '"
                        + CONSUMER_PREFIX + "%' RETURNING id")) {
                    while (rs.next()) {
                        gone.add(rs.getInt(1));
                    }
                }
                for (int number : gone) {
                    statement.execute("DROP TABLE IF EXISTS processed_event_" + number);
                }
                statement.execute("DELETE FROM consumer_offset WHERE consumer LIKE '" + CONSUMER_PREFIX + "%'");
                statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            }
            return seconds;
        }
    }

    /** Slice {@code slice} of {@code slices} of the rows, as one COPY. */
    private static void copyIn(CopyManager copy, String sql, List<byte[]> lines, int slice, int slices)
            throws Exception {
        int from = (int) ((long) lines.size() * slice / slices);
        int to = (int) ((long) lines.size() * (slice + 1) / slices);
        if (from == to) {
            return;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (byte[] line : lines.subList(from, to)) {
            text.write(line);
        }
        copy.copyIn(sql, new ByteArrayInputStream(text.toByteArray()));
    }

    /** A COPY's text rows, each with its newline (a newline within a value is escaped in that format). */
    private static List<byte[]> lines(CopyManager copy, String sql) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy.copyOut(sql, out);
        byte[] all = out.toByteArray();
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
            }
        }
        return lines;
    }

    private record Position(String consumer, String topic, int partition) {
    }
}
