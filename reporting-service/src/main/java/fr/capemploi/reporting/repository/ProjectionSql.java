package fr.capemploi.reporting.repository;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Plain JDBC on the transaction's connection. Projections and indicator queries are native SQL over a generation's
 * schema; going through JDBC lets nulls take the column's type (Hibernate would bind an untyped null as bytea) and
 * lets queries name their parameters ({@code :start}) however often they use them.
 */
public final class ProjectionSql {

    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private ProjectionSql() {
    }

    /** Runs an insert or update with positional {@code ?} parameters. */
    public static int update(EntityManager entityManager, String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, jdbc(connection, parameters[i]));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** An insert or update with positional {@code ?} parameters, to be run later. */
    public record Statement(String sql, Object[] parameters) {
    }

    /** Runs statements in order; consecutive runs of the same statement go as one JDBC batch. */
    public static void updateInRuns(EntityManager entityManager, List<Statement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            int i = 0;
            while (i < statements.size()) {
                String sql = statements.get(i).sql();
                int end = i + 1;
                while (end < statements.size() && statements.get(end).sql().equals(sql)) {
                    end++;
                }
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (int s = i; s < end; s++) {
                        Object[] parameters = statements.get(s).parameters();
                        for (int p = 0; p < parameters.length; p++) {
                            statement.setObject(p + 1, jdbc(connection, parameters[p]));
                        }
                        if (end - i == 1) {
                            statement.executeUpdate();
                        } else {
                            statement.addBatch();
                        }
                    }
                    if (end - i > 1) {
                        statement.executeBatch();
                    }
                }
                i = end;
            }
        });
    }

    /** A COPY statement and its rows' data ({@link CopyRows}) to be run later: {@code length} bytes of {@code data}. */
    public record Copy(String sql, byte[] data, int length) {
    }

    /**
     * Runs COPY statements on the transaction's connection, in order: a batch's rows of an append-only table in one
     * statement, parsed and planned once, the rows taken by the server without a bound parameter each.
     */
    public static void copy(EntityManager entityManager, List<Copy> copies) {
        if (copies.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Copy copy : copies) {
                CopyIn in = copyManager.copyIn(copy.sql());
                try {
                    in.writeToCopy(copy.data(), 0, copy.length());
                    in.endCopy();
                } catch (SQLException | RuntimeException failure) {
                    // a failure half-way leaves the connection in COPY mode: ended here, the transaction failing
                    if (in.isActive()) {
                        try {
                            in.cancelCopy();
                        } catch (SQLException cancel) {
                            failure.addSuppressed(cancel);
                        }
                    }
                    throw failure;
                }
            }
        });
    }

    /**
     * A statement giving each setting its value for the rest of the current transaction only ({@code set_config(…,
     * true)}): it reverts at the transaction's end, so a pooled connection goes back to the server's settings. The
     * values are literals, so that it also runs without parameters as the first statement of a helper connection's
     * transaction; the settings in name order, so that the same settings are one statement to PostgreSQL's statistics.
     */
    public static String transactionSettings(Map<String, String> settings) {
        StringBuilder select = new StringBuilder("SELECT ");
        int column = 0;
        for (Map.Entry<String, String> setting : new TreeMap<>(settings).entrySet()) {
            select.append(column == 0 ? "" : ", ").append("set_config(").append(literal(setting.getKey())).append(", ")
                    .append(literal(setting.getValue())).append(", true) AS s").append(column++);
        }
        return select.toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Runs an insert or update with named parameters ({@code :start}). */
    public static int execute(EntityManager entityManager, String sql, Map<String, ?> parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> execute(connection, sql, parameters));
    }

    /** {@link #execute(EntityManager, String, Map)} on a connection of one's own. */
    public static int execute(Connection connection, String sql, Map<String, ?> parameters) throws SQLException {
        List<String> order = new ArrayList<>();
        String jdbcSql = positional(sql, parameters, order);
        try (PreparedStatement statement = bound(connection, jdbcSql, order, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs a query with named parameters; each row maps column labels to values. */
    public static List<Map<String, Object>> query(EntityManager entityManager, String sql, Map<String, ?> parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> query(connection, sql, parameters));
    }

    /** {@link #query(EntityManager, String, Map)} on a connection of one's own. */
    public static List<Map<String, Object>> query(Connection connection, String sql, Map<String, ?> parameters)
            throws SQLException {
        List<String> order = new ArrayList<>();
        String jdbcSql = positional(sql, parameters, order);
        try (PreparedStatement statement = bound(connection, jdbcSql, order, parameters)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData meta = resultSet.getMetaData();
                while (resultSet.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), resultSet.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The SQL with each {@code :name} turned into {@code ?}; {@code order} receives the names in order. */
    private static String positional(String sql, Map<String, ?> parameters, List<String> order) {
        Matcher matcher = NAMED.matcher(sql);
        StringBuilder jdbcSql = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            order.add(name);
            matcher.appendReplacement(jdbcSql, "?");
        }
        matcher.appendTail(jdbcSql);
        return jdbcSql.toString();
    }

    private static Object jdbc(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> collection) {
            Array array = connection.createArrayOf("text", collection.stream()
                    .map(v -> v instanceof Enum<?> e ? e.name() : String.valueOf(v)).toArray());
            return array;
        }
        return value;
    }

    /** The statement with its named parameters bound in the order {@link #positional} found them. */
    private static PreparedStatement bound(Connection connection, String jdbcSql, List<String> order,
            Map<String, ?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbcSql);
        try {
            for (int i = 0; i < order.size(); i++) {
                statement.setObject(i + 1, jdbc(connection, parameters.get(order.get(i))));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
