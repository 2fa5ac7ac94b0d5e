package fr.capemploi.reporting.repository;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Many rows of one {@code INSERT … VALUES (?, …) [ON CONFLICT …]} sent as PostgreSQL's bulk load instead of bound
 * parameters: the rows go by {@code COPY} into a temporary table of the session with the target's column types, and
 * one {@code INSERT … SELECT} of them — same conflict clause, same triggers — moves them into the target, emptying
 * the stage in the same statement. For the server it is one statement (its statement-level triggers run once) instead
 * of one per 128 rows, each with up to a thousand parameters to bind and plan; for the service it is a line of text
 * per row instead of a driver call per value. The result is that of the multi-row statements: one statement either
 * way, rows of distinct keys ({@code GenerationProjection} sends a round's rows together), and a key upserted twice in
 * one statement fails both ways.
 */
final class StagedInsert {

    private static final Pattern INSERT_VALUES = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+(\\S+)(\\s+AS\\s+\\w+)?\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([\\s?,]*)\\)(.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<String, Optional<StagedInsert>> PARSED = new ConcurrentHashMap<>();
    private static final AtomicInteger STAGES = new AtomicInteger();

    private final int width;
    private final String createStage;
    private final String copy;
    private final String insert;

    private StagedInsert(String table, String alias, String columns, int width, String tail) {
        this.width = width;
        String stage = "pg_temp.projection_stage_" + STAGES.incrementAndGet();
        // the stage takes the target's column types (no constraint: a NOT NULL the target enforces fails there)
        this.createStage = "CREATE TEMP TABLE IF NOT EXISTS " + stage.substring("pg_temp.".length()) + " AS SELECT "
                + columns + " FROM " + table + " WITH NO DATA";
        this.copy = "COPY " + stage + " (" + columns + ") FROM STDIN";
        this.insert = "WITH staged AS (DELETE FROM " + stage + " RETURNING " + columns + ") INSERT INTO " + table
                + alias + " (" + columns + ") SELECT " + columns + " FROM staged " + tail;
    }

    /** The staged form of an insert of one row of {@code ?} values, or empty for any other statement. */
    static Optional<StagedInsert> of(String sql) {
        return PARSED.computeIfAbsent(sql, StagedInsert::parse);
    }

    private static Optional<StagedInsert> parse(String sql) {
        Matcher m = INSERT_VALUES.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] columns = m.group(3).split(",");
        long placeholders = m.group(4).chars().filter(c -> c == '?').count();
        if (placeholders != columns.length || m.group(5).contains("?")) {
            return Optional.empty();
        }
        String columnList = String.join(", ", java.util.Arrays.stream(columns).map(String::trim).toList());
        return Optional.of(new StagedInsert(m.group(1), m.group(2) == null ? "" : m.group(2), columnList,
                columns.length, m.group(5).trim()));
    }

    /**
     * Sends the rows (each the parameters of one execution of the statement).
     *
     * @return false, having sent nothing, when a value has no exact text form here: the caller binds them instead
     */
    boolean send(Connection connection, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * width * 24);
        for (Object[] row : rows) {
            if (row.length != width) {
                return false;
            }
            for (int c = 0; c < width; c++) {
                if (c > 0) {
                    text.append('\t');
                }
                if (!CopyText.append(text, row[c])) {
                    return false;
                }
            }
            text.append('\n');
        }
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(createStage);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate(insert);
        }
        return true;
    }

    /** PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
    static final class CopyText {

        private CopyText() {
        }

        /** @return false for a value this writer has no exact text form for (the driver binds it then) */
        static boolean append(StringBuilder text, Object value) {
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof UUID || value instanceof Integer || value instanceof Long
                    || value instanceof Short) {
                text.append(value);
            } else if (value instanceof String s) {
                escaped(text, s);
            } else if (value instanceof Enum<?> e) {
                escaped(text, e.name());
            } else if (value instanceof Boolean b) {
                text.append(b ? 't' : 'f');
            } else if (value instanceof LocalDate d) {
                if (d.getYear() < 1 || d.getYear() > 9999) {
                    return false;
                }
                text.append(d);
            } else if (value instanceof Instant i) {
                return instant(text, i);
            } else if (value instanceof BigDecimal d) {
                text.append(d.toPlainString());
            } else if (value instanceof Collection<?> elements) {
                return array(text, elements);
            } else {
                return false;
            }
            return true;
        }

        /**
         * UTC with microseconds, written by hand: {@code DateTimeFormatter} was a large share of the service's CPU
         * when reading envelopes. An instant finer than the microsecond is left to the driver's own rounding.
         */
        private static boolean instant(StringBuilder text, Instant instant) {
            if (instant.getNano() % 1000 != 0) {
                return false;
            }
            long seconds = instant.getEpochSecond();
            long days = Math.floorDiv(seconds, 86_400);
            int secondOfDay = (int) Math.floorMod(seconds, 86_400);
            LocalDate date = LocalDate.ofEpochDay(days);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                return false;
            }
            text.append(date).append(' ');
            two(text, secondOfDay / 3600);
            text.append(':');
            two(text, secondOfDay / 60 % 60);
            text.append(':');
            two(text, secondOfDay % 60);
            int micros = instant.getNano() / 1000;
            if (micros != 0) {
                text.append('.');
                String digits = Integer.toString(micros);
                text.append("000000", 0, 6 - digits.length()).append(digits);
            }
            text.append("+00");
            return true;
        }

        private static void two(StringBuilder text, int value) {
            text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }

        /** A text array literal, each element quoted (a null element would need {@code NULL}: left to the driver). */
        private static boolean array(StringBuilder text, Collection<?> elements) {
            StringBuilder literal = new StringBuilder("{");
            for (Object element : elements) {
                if (element == null) {
                    return false;
                }
                if (literal.length() > 1) {
                    literal.append(',');
                }
                String s = element instanceof Enum<?> e ? e.name() : String.valueOf(element);
                literal.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
            escaped(text, literal.append('}').toString());
            return true;
        }

        private static void escaped(StringBuilder text, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
    }
}
