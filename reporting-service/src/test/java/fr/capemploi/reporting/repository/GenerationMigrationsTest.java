package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.domain.Generation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A generation built before its tables were Flyway migrations (the tables of V1, facts in them, no history) gets
 * the later migrations when the service starts: taken as being at V1, then migrated, its pre-aggregates filled
 * from the facts it already holds.
 */
@QuarkusTest
class GenerationMigrationsTest {

    @Inject
    GenerationRepository generations;

    @Inject
    DataSource dataSource;

    @Test
    void aGenerationFromBeforeFlywayIsTakenAsV1ThenMigratedWithItsFacts() throws Exception {
        int number = QuarkusTransaction.requiringNew().call(() -> {
            generations.lock();
            // far from the numbers other tests create: a scratch generation rolled back leaves its migrated schema
            return generations.lastNumber() + 1000;
        });
        Generation old = Generation.numbered(number, Generation.State.ABANDONED);
        try {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                // as the service of before created a generation: its schema and the tables of V1, nothing else
                statement.execute("CREATE SCHEMA " + old.schema());
                statement.execute(v1().replace("${schema}", old.schema()));
                statement.execute(old.sql("""
                        INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, level,
                            opened_on, opened_at, closed_on, outcome, decision_taken, closed_at, recorded_at)
                        VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 2, DATE '2016-03-10',
                            TIMESTAMPTZ '2016-03-10 09:00+01', DATE '2016-09-30', 'START_TRAINING', TRUE,
                            TIMESTAMPTZ '2016-10-01 09:00+02', TIMESTAMPTZ '2016-03-10 09:00+01')
                        """));

                generations.migrate(old);
                generations.migrate(old);

                assertThat(QueryRows.texts(statement, old.sql("SELECT fact || ' ' || key || ' ' || month || ' ' || n || ' ' || m "
                        + "FROM {schema}.monthly_fact ORDER BY 1"))).containsExactly(
                                "closed START_TRAINING 2016-09-01 1 1", "opened level-2 2016-03-01 1 0");
                assertThat(QueryRows.texts(statement, "SELECT version || ' ' || type FROM " + old.schema()
                        + "_history.projection_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
                        .containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL",
                                "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL");
                // the people's pre-aggregates too: accompanied from its opening's month to its closure's
                assertThat(QueryRows.texts(statement, old.sql("SELECT line || ' ' || a || ' ' || b || ' ' || w "
                        + "FROM {schema}.member_item ORDER BY 1"))).containsExactly("accompanied 2016-03-01 2016-09-01 1");
            }
        } finally {
            QuarkusTransaction.requiringNew().run(() -> generations.drop(old, List.of()));
        }
    }



    private static String v1() throws Exception {
        try (InputStream in = GenerationMigrationsTest.class.getClassLoader()
                .getResourceAsStream("projections/migration/V1__projection_tables.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
