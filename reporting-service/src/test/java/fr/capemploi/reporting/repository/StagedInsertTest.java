package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run of one insert sent by COPY through a staging table leaves exactly the rows the same run bound as JDBC batches
 * leaves (every kind of value the projections bind, text that needs escaping, upserts over existing rows), as one
 * statement for the target's statement-level triggers, and fails as the bound run fails.
 */
@QuarkusTest
class StagedInsertTest {

    private static final String SCHEMA = "staged_insert_test";
    private static final String UPSERT = """
            INSERT INTO {table} AS t (id, label, kind, amount, total, active, day, at, fte, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, total = t.total + excluded.total,
                tags = excluded.tags
            """;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void tables() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                DROP SCHEMA IF EXISTS staged_insert_test CASCADE;
                CREATE SCHEMA staged_insert_test;
                CREATE TABLE staged_insert_test.statements (target TEXT NOT NULL, rows INT NOT NULL);
                CREATE FUNCTION staged_insert_test.count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO staged_insert_test.statements SELECT TG_TABLE_NAME, count(*) FROM inserted;
                    RETURN NULL;
                END $$;
                """).executeUpdate());
        for (String table : List.of("bound", "staged")) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    CREATE TABLE staged_insert_test.%1$s (id UUID PRIMARY KEY, label TEXT, kind TEXT NOT NULL,
                        amount INT, total BIGINT NOT NULL, active BOOLEAN, day DATE, at TIMESTAMPTZ,
                        fte NUMERIC(5, 2), tags TEXT[] NOT NULL, untouched TEXT DEFAULT 'default');
                    CREATE TRIGGER %1$s_statements AFTER INSERT ON staged_insert_test.%1$s
                        REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
                        EXECUTE FUNCTION staged_insert_test.count_statement();
                    """.formatted(table)).executeUpdate());
        }
    }

    @Test
    void copiedRowsAreTheRowsBoundStatementsWriteInOneStatement() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new Object[] {new UUID(7, i), i % 7 == 0 ? null : "row " + i,
                    i % 2 == 0 ? DayOfWeek.MONDAY : "SUNDAY", i % 5 == 0 ? null : i, (long) i * 1_000_000_007L,
                    i % 3 == 0 ? null : i % 2 == 0, LocalDate.of(2015, 1, 1).plusDays(i),
                    Instant.parse("2016-03-27T00:59:59.999999Z").plusSeconds(i * 3_607L).plusNanos(i * 1000L),
                    BigDecimal.valueOf(i, 2), List.of("PMSMP", "a, b", "quote \" and \\ backslash")});
        }
        rows.add(new Object[] {new UUID(8, 1), "tab\there, new\nline, back\\slash, return\r, é ü 中, \\N", "K", 1,
                1L, true, LocalDate.of(1, 1, 1), Instant.parse("1970-01-01T00:00:00Z"), new BigDecimal("999.99"),
                List.of()});
        rows.add(new Object[] {new UUID(8, 2), "", "K", -5, -1L, false, LocalDate.of(9999, 12, 31),
                Instant.parse("1969-12-31T23:59:59.000001Z"), new BigDecimal("-0.5"), List.of("{}", "NULL", "")});

        write("bound", rows, Integer.MAX_VALUE);
        write("staged", rows, 2);
        assertThat(contents("staged")).hasSize(302).isEqualTo(contents("bound"));
        assertThat(statements("staged")).containsExactly(302);
        assertThat(statements("bound")).hasSizeGreaterThan(1);

        // the same keys again: the conflict clause reads the stored rows and the staged ones alike
        List<Object[]> again = rows.stream().map(row -> {
            Object[] changed = row.clone();
            changed[1] = "again " + row[1];
            changed[9] = List.of("second");
            return changed;
        }).toList();
        write("bound", again, Integer.MAX_VALUE);
        write("staged", again, 2);
        assertThat(contents("staged")).isEqualTo(contents("bound")).allSatisfy(row -> assertThat(row)
                .contains("again", "{second}"));
    }

    /** A value the COPY text here has no exact form for (an instant finer than PostgreSQL keeps) is bound. */
    @Test
    void aRunWithAValueWithoutExactTextIsBound() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new Object[] {new UUID(9, i), "r", "K", i, 1L, true, null,
                    Instant.parse("2016-01-01T00:00:00Z").plusNanos(i == 4 ? 1_500 : 0), null, List.of()});
        }
        write("bound", rows, Integer.MAX_VALUE);
        write("staged", rows, 2);
        assertThat(contents("staged")).hasSize(10).isEqualTo(contents("bound"));
        assertThat(statements("staged")).isEqualTo(statements("bound"));
    }

    /** The same key twice in one statement: PostgreSQL refuses it either way, and nothing is left behind. */
    @Test
    void aKeyUpsertedTwiceInOneRunFailsAsBoundStatementsDo() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.add(new Object[] {new UUID(10, 1), "r", "K", i, 1L, true, null, null, null, List.of()});
        }
        assertThatThrownBy(() -> write("bound", rows, Integer.MAX_VALUE)).hasStackTraceContaining("second time");
        assertThatThrownBy(() -> write("staged", rows, 2)).hasStackTraceContaining("second time");
        assertThat(contents("staged")).isEmpty();
        // the session's stage was emptied by the rollback: the next run carries only its own rows
        List<Object[]> next = List.of(rows.get(0),
                new Object[] {new UUID(10, 2), "r", "K", 2, 1L, true, null, null, null, List.of()});
        write("bound", next, Integer.MAX_VALUE);
        write("staged", next, 2);
        assertThat(contents("staged")).hasSize(2).isEqualTo(contents("bound"));
    }

    /** A NOT NULL of the target holds for copied rows too (the stage has the types, not the constraints). */
    @Test
    void theTargetsConstraintsHold() {
        List<Object[]> rows = List.of(new Object[] {new UUID(11, 1), "r", null, 1, 1L, true, null, null, null,
                List.of()}, new Object[] {new UUID(11, 2), "r", "K", 1, 1L, true, null, null, null, List.of()});
        assertThatThrownBy(() -> write("staged", rows, 2)).hasStackTraceContaining("kind");
        assertThat(contents("staged")).isEmpty();
    }

    private void write(String table, List<Object[]> rows, int stagedFromRows) {
        String sql = UPSERT.replace("{table}", SCHEMA + "." + table);
        QuarkusTransaction.requiringNew().run(() -> ProjectionSql.updateInRuns(entityManager,
                rows.stream().map(row -> new ProjectionSql.Statement(sql, row)).toList(), stagedFromRows));
    }

    @SuppressWarnings("unchecked")
    private List<String> contents(String table) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(t AS TEXT) FROM " + SCHEMA + "." + table + " t ORDER BY id").getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<Integer> statements(String table) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT rows FROM " + SCHEMA + ".statements WHERE target = ?1").setParameter(1, table)
                .getResultList());
    }
}
