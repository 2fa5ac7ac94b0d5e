package fr.capemploi.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.repository.IndicatorFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every figure of one answer reads the same committed state: facts committed while an answer is being computed show
 * in none of its figures, although statements of the answer run after that commit. To have statements of the answer
 * run after a commit, a transaction of the test locks {@code monthly_fact} (the answer's first read after it began,
 * as of now) before the answer starts, waits until the answer's statement waits for that lock, then projects new
 * facts and commits, which releases the lock: at read committed, the statements that follow would each read the new
 * state; the answer's transaction reads the state of its first statement.
 */
@QuarkusTest
class OneStatePerAnswerTest {

    private static final ReportingPeriod YEAR = ReportingPeriod.parse("2016");

    @Inject
    IndicatorQueries queries;

    @Inject
    ProjectionGenerations generations;

    @Inject
    DataSource dataSource;

    @Inject
    IndicatorFacts facts;

    @Inject
    EntityManager entityManager;

    @Test
    void everyStatementOfAnAnswerRunsUnderTheQueryTimeLimitAndOnlyIt() {
        // reporting.query.statement-timeout, 120 s by default: past it PostgreSQL stops the statement and the caller
        // gets 503 query-timeout (platform ProblemDetailsTest) instead of the transaction manager's abort, a 500
        String during = QuarkusTransaction.requiringNew().call(() -> {
            facts.beginRead();
            return String.valueOf(entityManager.createNativeQuery("SELECT current_setting('statement_timeout')")
                    .getSingleResult());
        });
        String after = QuarkusTransaction.requiringNew().call(() -> String.valueOf(
                entityManager.createNativeQuery("SELECT current_setting('statement_timeout')").getSingleResult()));

        assertThat(during).isEqualTo("2min");
        assertThat(after).as("set for the answer's transaction only").isEqualTo("0");
    }

    @Test
    void factsCommittedDuringAnAnswerShowInNoneOfItsFigures() throws Exception {
        Generation generation = generations.active();
        UUID structure = UUID.randomUUID();
        Scope scope = Scope.structure(structure);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(generation.sql("INSERT INTO {schema}.structure (structure_id, code, region, department, "
                    + "registered_on, recorded_at) VALUES ('" + structure + "', 'ONE-STATE', '"
                    + TestRegion.ONE_STATE_PER_ANSWER.code + "', '69', '2014-01-01', "
                    + "'2015-01-02T09:00:00Z')"));
            statement.execute(generation.sql(accompaniments(structure, 2)));
        }
        try {
            Instant asOf = Instant.now();
            List<IndicatorValue> before = queries.all(scope, YEAR, asOf);
            assertThat(opened(before)).isEqualTo(2);

            List<IndicatorValue> during;
            try (Connection writer = dataSource.getConnection(); Statement statement = writer.createStatement()) {
                writer.setAutoCommit(false);
                statement.execute(generation.sql("LOCK TABLE {schema}.monthly_fact IN ACCESS EXCLUSIVE MODE"));
                CompletableFuture<List<IndicatorValue>> answer = CompletableFuture.supplyAsync(
                        () -> queries.all(scope, YEAR, asOf));
                // the answer has begun (its state taken by its first statement) and waits for the lock at its first
                // read of monthly_fact
                await().atMost(Duration.ofSeconds(60)).until(() -> waitingForTheLock(generation));
                statement.execute(generation.sql(accompaniments(structure, 3)));
                writer.commit();
                during = answer.get(120, TimeUnit.SECONDS);
            }
            List<IndicatorValue> after = queries.all(scope, YEAR, asOf);

            assertThat(opened(after)).as("the facts committed count in the next answer").isEqualTo(5);
            assertThat(after).as("and move more than one figure").filteredOn(v -> !before.contains(v))
                    .hasSizeGreaterThan(1);
            assertThat(during).as("the answer under way: the state of its first statement, every figure")
                    .isEqualTo(before);
        } finally {
            // rows no event stands for: a rebuild of the active generation (ProjectionRebuildTest) must equal it
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute(generation.sql("DELETE FROM {schema}.accompaniment WHERE structure_id = '"
                        + structure + "'"));
                // a count back to zero stays in monthly_fact (V2): the structure's rows go with it
                statement.execute(generation.sql("DELETE FROM {schema}.monthly_fact WHERE structure_id = '"
                        + structure + "'"));
                statement.execute(generation.sql("DELETE FROM {schema}.structure WHERE structure_id = '"
                        + structure + "'"));
            }
        }
    }

    private static long opened(List<IndicatorValue> values) {
        return values.stream().filter(v -> v.indicator() == Indicator.ACCOMPANIMENTS_OPENED).findFirst().orElseThrow()
                .numerator().longValueExact();
    }

    /** Accompaniments opened in 2016 at the structure, recorded then (events arriving late). */
    private static String accompaniments(UUID structure, int count) {
        StringBuilder sql = new StringBuilder("INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, "
                + "structure_id, referent_id, level, opened_on, opened_at, recorded_at) VALUES ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("(gen_random_uuid(), gen_random_uuid(), '").append(structure)
                    .append("', gen_random_uuid(), 2, DATE '2016-03-01' + ").append(17 * i)
                    .append(", TIMESTAMPTZ '2016-03-01 09:00+01', TIMESTAMPTZ '2016-03-01 09:00+01')");
        }
        return sql.toString();
    }

    /** Whether a backend waits for a lock while reading monthly_fact. */
    private boolean waitingForTheLock(Generation generation) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                        + "'Lock' AND query LIKE '%" + generation.schema() + ".monthly_fact%'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
