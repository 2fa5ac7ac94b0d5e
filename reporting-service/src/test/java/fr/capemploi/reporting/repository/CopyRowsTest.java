package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rows written by COPY ({@link CopyRows}, {@link ProjectionSql#copy}) are the rows the bound insert of before stores,
 * value for value: every kind of value the projections copy, nulls, text with tabs, new lines and backslashes, days and
 * instants on both sides of PostgreSQL's epoch, a rest of nanoseconds.
 */
@QuarkusTest
class CopyRowsTest {

    private static final String COLUMNS = "(source, id, day, at, n, flag, label)";

    private enum Mode { PHONE }

    @Inject
    EntityManager entityManager;

    @Inject
    UserTransaction transaction;

    @Test
    void copiedRowsAreTheRowsTheBoundInsertStores() throws Exception {
        List<Object[]> rows = List.of(
                row(1, LocalDate.of(2016, 5, 2), Instant.parse("2016-05-02T10:15:30.123456Z"), 42, true, "plain"),
                row(2, LocalDate.of(1999, 12, 31), Instant.parse("1999-12-31T23:59:59.999999500Z"), -7, false,
                        "tab\there, back\\slash\\N, new\nline\r, é"),
                row(3, null, null, null, null, null),
                row(4, LocalDate.of(2024, 2, 29), Instant.parse("2024-02-29T00:00:00.000000499Z"), Integer.MAX_VALUE,
                        true, Mode.PHONE),
                row(5, LocalDate.of(1970, 1, 1), Instant.parse("1969-07-20T20:17:40Z"), 0, false, ""));
        transaction.begin();
        try {
            ProjectionSql.update(entityManager, "CREATE TEMP TABLE copied (source TEXT, id UUID PRIMARY KEY, day DATE,"
                    + " at TIMESTAMPTZ, n INTEGER, flag BOOLEAN, label TEXT) ON COMMIT DROP");
            ProjectionSql.updateInRuns(entityManager, rows.stream().map(row -> new ProjectionSql.Statement(
                    "INSERT INTO copied " + COLUMNS + " VALUES ('bound', ?, ?, ?, ?, ?, ?)", row)).toList());
            CopyRows copied = new CopyRows("copied " + COLUMNS);
            // other keys: the key is the table's, the values are the same
            rows.forEach(row -> copied.add(withSource("copied", row)));
            ProjectionSql.copy(entityManager, List.of(copied.copy()));
            List<Map<String, Object>> bound = stored("bound");

            assertThat(bound).hasSize(rows.size());
            assertThat(stored("copied")).isEqualTo(bound);
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void aRowTheKeyRefusesFailsTheCopy() throws Exception {
        transaction.begin();
        try {
            ProjectionSql.update(entityManager, "CREATE TEMP TABLE copied (id UUID PRIMARY KEY) ON COMMIT DROP");
            CopyRows copied = new CopyRows("copied (id)");
            UUID twice = UUID.randomUUID();
            copied.add(twice);
            copied.add(twice);

            assertThatThrownBy(() -> ProjectionSql.copy(entityManager, List.of(copied.copy())))
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        } finally {
            transaction.rollback();
        }
    }

    /** Each source's rows by their key's rank, without the source and the key. */
    private List<Map<String, Object>> stored(String source) {
        return ProjectionSql.query(entityManager, "SELECT day, at, n, flag, label FROM copied WHERE source = :source "
                + "ORDER BY right(id::text, 2)", Map.of("source", source));
    }

    private static Object[] row(int rank, LocalDate day, Instant at, Integer n, Boolean flag, Object label) {
        return new Object[] {UUID.fromString("00000000-0000-0000-0000-0000000000" + "%02d".formatted(rank)), day, at,
                n, flag, label};
    }

    /** The row under the source's own keys (the rank kept as the key's last digits). */
    private static Object[] withSource(String source, Object[] row) {
        List<Object> values = new ArrayList<>(Arrays.asList(row));
        UUID key = (UUID) row[0];
        values.set(0, new UUID(source.hashCode(), key.getLeastSignificantBits()));
        values.add(0, source);
        return values.toArray();
    }
}
