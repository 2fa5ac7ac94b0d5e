package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.reporting.domain.Generation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The projection schema is one baseline migration (B13) and the migrations after it. A new generation gets the
 * baseline, then the later ones; a generation migrated to V13 by the thirteen migrations the baseline replaced keeps
 * its history and gets the later ones on top; a generation whose history stops below the baseline, or from before
 * Flyway, is refused (the service rebuilds it: {@code StaleGenerationsAtStartTest}). The later migration is a test
 * one, {@code V999}, beside {@link ProjectionMigrations#FILES}.
 */
@QuarkusTest
class GenerationMigrationsTest {

    private static final List<String> WITH_A_LATER_MIGRATION = Stream.concat(ProjectionMigrations.FILES.stream(),
            Stream.of("V999__a_later_migration.sql")).toList();

    @Inject
    GenerationRepository generations;

    @Inject
    DataSource dataSource;

    @Test
    void aNewGenerationGetsTheBaselineThenTheLaterMigrationsAndItsTriggersKeepThePreAggregates() throws Exception {
        Generation generation = scratch(1000);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            assertThat(migratable(generation)).as("no table, no history").isTrue();

            generations.migrate(generation, new ProjectionMigrations(WITH_A_LATER_MIGRATION));
            generations.migrate(generation, new ProjectionMigrations(WITH_A_LATER_MIGRATION));

            List<String> history = history(statement, generation);
            assertThat(history.get(0)).isEqualTo("13 SQL_BASELINE");
            assertThat(history).endsWith("999 SQL").doesNotHaveDuplicates();
            assertThat(text(statement, generation.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' "
                    + "AND indexname = 'structure_code'"))).isEqualTo("1");
            // V20 marks indexes B13 made: a generation that is not rebuilt keeps every one of them, as B13 made them
            assertThat(text(statement, generation.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' "
                    + "AND indexname = ANY('{" + String.join(",", V20_DEFERRED) + "}')")))
                    .isEqualTo(String.valueOf(V20_DEFERRED.size()));
            // a migration replacing the recomputation without its setting would bring back its quadratic plan (V18)
            assertThat(text(statement, generation.sql("SELECT array_to_string(proconfig, ' ') FROM pg_proc "
                    + "WHERE oid = to_regprocedure('{schema}.refresh_people_and_delays()')")))
                    .as("the recomputation of everyone planned without nested loops").isEqualTo("enable_nestloop=off");
            // nor the recomputation's own (V23): planned once with the arrays as parameters, its groupings sorted
            assertThat(text(statement, generation.sql("SELECT string_agg(c, ' ' ORDER BY c) FROM pg_proc p, "
                    + "unnest(p.proconfig) c WHERE p.oid = to_regprocedure('{schema}.recompute_people_and_delays()')")))
                    .as("the recomputation of everyone planned once and sorted once")
                    .isEqualTo("enable_hashagg=off plan_cache_mode=force_generic_plan");
            // nor the folds' settings: planned once per connection, they read by key whatever the tables held (V19)
            assertThat(QueryRows.texts(statement, generation.sql("SELECT p.proname || ' ' || string_agg(c, ' ' "
                    + "ORDER BY c) FROM pg_proc p, unnest(p.proconfig) c WHERE p.pronamespace = '{schema}'::regnamespace "
                    + "AND p.proname IN ('fold_people', 'fold_funding_projects') GROUP BY p.proname ORDER BY 1")))
                    .containsExactly("fold_funding_projects enable_seqscan=off plan_cache_mode=force_generic_plan",
                            "fold_people enable_seqscan=off plan_cache_mode=force_generic_plan");
            // the fold's plans are made here, on this connection, over the generation's empty tables: made that way
            // they used to scan the tables whole at every fold, whatever they grew to (bench/JOURNAL.md, V19)
            connection.setAutoCommit(false);
            accompanimentOpenedAndClosed(statement, generation);
            assertThat(QueryRows.texts(statement, generation.sql("SELECT relname || ' ' || seq_scan || ' ' || "
                    + "(idx_scan > 0) FROM pg_stat_xact_user_tables WHERE schemaname = '{schema}' AND relname IN "
                    + "('member_item', 'accompaniment', 'accompaniment_level', 'level1_contact', 'cep_information', "
                    + "'cpf_step') ORDER BY 1"))).as("the tables the fold read, whole scans and whether by an index")
                    .containsExactly("accompaniment 0 true", "accompaniment_level 0 true", "cep_information 0 true",
                            "cpf_step 0 true", "level1_contact 0 true", "member_item 0 true");
            connection.commit();
            connection.setAutoCommit(true);
            // the statement folded at its end: counts by business date and the person's items
            assertThat(QueryRows.texts(statement, generation.sql("SELECT fact || ' ' || key || ' ' || month || ' ' || n || ' ' "
                    + "|| m FROM {schema}.monthly_fact ORDER BY 1"))).containsExactly(
                            "closed START_TRAINING 2016-09-01 1 1", "opened level-2 2016-03-01 1 0");
            assertThat(QueryRows.texts(statement, generation.sql("SELECT line || ' ' || a || ' ' || b || ' ' || w "
                    + "FROM {schema}.member_item ORDER BY 1"))).containsExactly("accompanied 2016-03-01 2016-09-01 1");
            // and the latest recording of each, kept beside it by the fold (V16, V17): their indexes are gone
            assertThat(latestRecordings(statement, generation)).containsExactly("member_item 2016-10-01 07:00",
                    "monthly_fact 2016-10-01 07:00", "referent_item none");
            assertThat(text(statement, generation.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = '{schema}' "
                    + "AND indexname IN ('member_item_recorded', 'referent_item_recorded', 'monthly_fact_recorded')")))
                    .isEqualTo("0");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> generations.drop(generation, List.of()));
        }
    }

    @Test
    void aGenerationAtV13KeepsItsHistoryAndItsFactsAndGetsTheMigrationsAfterTheBaseline() throws Exception {
        Generation generation = scratch(2000);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // as V1..V13 left it: the same schema (the baseline's equality with them was proven on their catalogues,
            // reporting-service README), its history the thirteen migrations, facts in it
            generations.migrate(generation);
            String table = generation.schema() + "_history.projection_schema_history";
            statement.execute("DELETE FROM " + table + " WHERE version IS NOT NULL");
            for (int version = 1; version <= 13; version++) {
                statement.execute("INSERT INTO " + table + " (installed_rank, version, description, type, script, "
                        + "checksum, installed_by, execution_time, success) VALUES (" + (version + 1) + ", '"
                        + version + "', 'as applied', 'SQL', 'V" + version + "__as_applied.sql', " + version
                        + ", current_user, 1, TRUE)");
            }
            accompanimentOpenedAndClosed(statement, generation);
            assertThat(migratable(generation)).isTrue();

            generations.migrate(generation, new ProjectionMigrations(WITH_A_LATER_MIGRATION));

            List<String> history = history(statement, generation);
            assertThat(history.subList(0, 13)).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL",
                    "7 SQL", "8 SQL", "9 SQL", "10 SQL", "11 SQL", "12 SQL", "13 SQL");
            assertThat(history).endsWith("999 SQL").doesNotContain("13 SQL_BASELINE");
            assertThat(text(statement, generation.sql("SELECT count(*) FROM information_schema.columns "
                    + "WHERE table_schema = '{schema}' AND column_name = 'later_note'"))).isEqualTo("1");
            assertThat(QueryRows.texts(statement, generation.sql("SELECT fact || ' ' || n FROM {schema}.monthly_fact ORDER BY 1")))
                    .containsExactly("closed 1", "opened 1");
            assertThat(latestRecordings(statement, generation)).as("counted again from the rows")
                    .containsExactly("member_item 2016-10-01 07:00", "monthly_fact 2016-10-01 07:00", "referent_item none");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> generations.drop(generation, List.of()));
        }
    }

    @Test
    void aGenerationBelowTheBaselineOrFromBeforeFlywayIsRefusedAndLeftAsItIs() throws Exception {
        Generation beforeFlyway = scratch(3000);
        Generation atV5 = scratch(3001);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // tables, no history: as the service created a generation before Flyway migrated them
            statement.execute(beforeFlyway.sql("CREATE SCHEMA {schema}"));
            statement.execute(beforeFlyway.sql("CREATE TABLE {schema}.structure (structure_id UUID PRIMARY KEY)"));
            // a history stopping at V5
            statement.execute(atV5.sql("CREATE SCHEMA {schema}"));
            statement.execute(atV5.sql("CREATE TABLE {schema}.structure (structure_id UUID PRIMARY KEY)"));
            statement.execute(atV5.sql("CREATE SCHEMA {schema}_history"));
            statement.execute(atV5.sql("CREATE TABLE {schema}_history.projection_schema_history (installed_rank INT, "
                    + "version TEXT, success BOOLEAN)"));
            statement.execute(atV5.sql("INSERT INTO {schema}_history.projection_schema_history "
                    + "SELECT v, CAST(v AS TEXT), TRUE FROM generate_series(1, 5) v"));

            for (Generation stale : List.of(beforeFlyway, atV5)) {
                assertThat(migratable(stale)).as(stale.schema()).isFalse();
                assertThatThrownBy(() -> generations.migrate(stale)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("rebuild it");
                assertThat(text(statement, stale.sql("SELECT string_agg(table_name, ' ') FROM "
                        + "information_schema.tables WHERE table_schema = '{schema}'"))).isEqualTo("structure");
            }
            assertThat(text(statement, beforeFlyway.sql("SELECT count(*) FROM information_schema.schemata "
                    + "WHERE schema_name = '{schema}_history'"))).as("no history made for it").isEqualTo("0");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                generations.drop(beforeFlyway, List.of());
                generations.drop(atV5, List.of());
            });
        }
    }

    @Test
    void theIndexesARebuildDefersAreThoseBetweenTheQueryIndexMarks() {
        // B13's; a later migration may mark more
        assertThat(GenerationRepository.queryIndexNames()).doesNotHaveDuplicates()
                .doesNotContain("structure_region", "member_item_recorded").contains("cpf_step_step",
                "accompaniment_referent", "accompaniment_level_referent", "level1_contact_lag",
                "accompaniment_opened_lag", "accompaniment_closed_lag", "accompaniment_level_lag", "cep_information_lag",
                "cpf_step_lag", "action_planned_lag", "action_done_lag", "training_outcome_lag",
                "training_project_started_lag", "funding_decision_lag", "beneficiary_exit_lag", "beneficiary_entry_lag",
                "beneficiary_profile_changed");
        // V20's: read by the answers alone, never by the projections' statements, which a rebuild runs alone
        assertThat(GenerationRepository.queryIndexNames()).contains(V20_DEFERRED.toArray(String[]::new))
                .as("the look-ups of the projections' statements and of the folds stay").doesNotContain(
                        "portfolio_span_current", "accompaniment_beneficiary", "accompaniment_level_accompaniment",
                        "accompaniment_level_beneficiary", "level1_contact_person", "cep_information_beneficiary",
                        "cpf_step_beneficiary", "funding_decision_project", "counsellor_structure");
    }

    /** The indexes B13 made outside the marks that V20 marks (a rebuild defers them). */
    private static final List<String> V20_DEFERRED = List.of("beneficiary_structure", "beneficiary_entry",
            "beneficiary_profile_recorded", "portfolio_span_recorded", "portfolio_span_superseded",
            "level1_contact_date", "level1_contact_structure", "level1_contact_counsellor", "accompaniment_structure",
            "accompaniment_opened", "accompaniment_level_structure", "interview_held", "interview_counsellor",
            "action_kind", "funding_decision_decided");

    /** A generation number far from those other tests create, never recorded in the generations table. */
    private Generation scratch(int offset) {
        int number = QuarkusTransaction.requiringNew().call(() -> {
            generations.lock();
            return generations.lastNumber() + offset;
        });
        return Generation.numbered(number, Generation.State.ABANDONED);
    }

    private boolean migratable(Generation generation) {
        return QuarkusTransaction.requiringNew().call(() -> generations.migratable(generation));
    }

    private static void accompanimentOpenedAndClosed(Statement statement, Generation generation) throws Exception {
        statement.execute(generation.sql("""
                INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, level,
                    opened_on, opened_at, closed_on, outcome, decision_taken, closed_at, recorded_at)
                VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 2, DATE '2016-03-10',
                    TIMESTAMPTZ '2016-03-10 09:00+01', DATE '2016-09-30', 'START_TRAINING', TRUE,
                    TIMESTAMPTZ '2016-10-01 09:00+02', TIMESTAMPTZ '2016-03-10 09:00+01')
                """));
    }

    private static List<String> latestRecordings(Statement statement, Generation generation) throws Exception {
        return QueryRows.texts(statement, generation.sql("SELECT pre_aggregate || ' ' || coalesce(to_char(recorded_max "
                + "AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), 'none') FROM {schema}.pre_aggregate_recorded ORDER BY 1"));
    }

    private static List<String> history(Statement statement, Generation generation) throws Exception {
        return QueryRows.texts(statement, "SELECT version || ' ' || type FROM " + generation.schema()
                + "_history.projection_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
    }

    private static String text(Statement statement, String sql) throws Exception {
        List<String> rows = QueryRows.texts(statement, sql);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
