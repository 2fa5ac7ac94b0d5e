package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.domain.Generation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The people's items, their counters and the inverted items' sums (V8), the referents' rows per accompaniment (V7) and
 * the delays' histogram (migration V5) with its national sums (V8) are noted per statement and folded once per batch: a batch holding several changes of one person and of two
 * referents' accompaniments must leave exactly the rows a recomputation gives, and exactly the rows the same changes leave when each comes alone — in its own transaction
 * folded at its end (a projection's record-by-record fallback), or outside any batch (a correction).
 */
@QuarkusTest
class PeopleAndDelaysFoldTest {

    private static final String P1 = "'00000000-0000-0000-0000-0000000000a1'";
    private static final String P2 = "'00000000-0000-0000-0000-0000000000a2'";
    private static final String P3 = "'00000000-0000-0000-0000-0000000000a3'";
    private static final String R1 = "'00000000-0000-0000-0000-0000000000c1'";
    private static final String R2 = "'00000000-0000-0000-0000-0000000000c2'";
    private static final String S1 = "'00000000-0000-0000-0000-0000000000e1'";
    private static final String S2 = "'00000000-0000-0000-0000-0000000000e2'";
    private static final String A1 = "'00000000-0000-0000-0000-0000000000b1'";
    private static final String A2 = "'00000000-0000-0000-0000-0000000000b2'";
    private static final String A3 = "'00000000-0000-0000-0000-0000000000b3'";

    /** In the order a projection would send them; several touch P1, several R1's and R2's caseloads. */
    static final List<String> CHANGES = List.of(
            accompaniment(A1, P1, S1, R1, "2016-01-10"),
            level("01", A1, P1, S1, R1, 2, "2016-01-10"),
            accompaniment(A2, P2, S1, R1, "2016-02-01"),
            level("02", A2, P2, S1, R1, 2, "2016-02-01"),
            // a level change with another referent: R1's level ends, R2's begins
            level("03", A1, P1, S1, R2, 3, "2016-03-05"),
            "INSERT INTO {schema}.level1_contact (contact_id, structure_id, beneficiary_id, contact_date, liaison_sheet, "
                    + "recorded_at) VALUES ('00000000-0000-0000-0000-0000000000f1', " + S1 + ", " + P1
                    + ", '2015-12-01', FALSE, '2015-12-01T10:00:00Z'), ('00000000-0000-0000-0000-0000000000f2', " + S1
                    + ", NULL, '2016-01-20', FALSE, '2016-01-20T10:00:00Z')",
            "INSERT INTO {schema}.cep_information (event_id, accompaniment_id, beneficiary_id, structure_id, informed_on, "
                    + "recorded_at) VALUES ('00000000-0000-0000-0000-000000000101', " + A1 + ", " + P1
                    + ", " + S1 + ", '2016-01-15', '2016-01-15T10:00:00Z')",
            step("11", P1, "PRESENTED", "2016-02-01", "NULL"),
            step("12", P1, "CONSENT", "2016-02-03", "'DIGITAL'"),
            step("13", P1, "CONSENT_WITHDRAWN", "2016-05-01", "NULL"),
            // P1's accompaniment closed, P2's handed over to R2: both referents' caseloads move
            "UPDATE {schema}.accompaniment SET closed_on = '2016-06-30', closed_at = '2016-06-30T10:00:00Z', "
                    + "outcome = 'TRAINING', decision_taken = TRUE WHERE accompaniment_id = " + A1,
            "UPDATE {schema}.accompaniment SET referent_id = " + R2 + " WHERE accompaniment_id = " + A2,
            // P1 accompanied at a second structure too, by R2
            accompaniment(A3, P1, S2, R2, "2016-04-01"),
            level("04", A3, P1, S2, R2, 2, "2016-04-01"),
            // P2's contacts in two months apart: a membership only a period holding both months counts (member_pair)
            "INSERT INTO {schema}.level1_contact (contact_id, structure_id, beneficiary_id, contact_date, liaison_sheet, "
                    + "recorded_at) VALUES ('00000000-0000-0000-0000-0000000000f3', " + S1 + ", " + P2
                    + ", '2015-11-05', FALSE, '2015-11-05T10:00:00Z'), ('00000000-0000-0000-0000-0000000000f4', " + S1
                    + ", " + P2 + ", '2016-01-07', FALSE, '2016-01-07T10:00:00Z')",
            // corrections within the batch: P2's first contact a month earlier, P1's contact moved, the withdrawal taken back, a contact routed (nobody)
            "UPDATE {schema}.level1_contact SET contact_date = '2015-10-05' WHERE contact_id = "
                    + "'00000000-0000-0000-0000-0000000000f3'",
            "UPDATE {schema}.level1_contact SET contact_date = '2016-02-10' WHERE contact_id = "
                    + "'00000000-0000-0000-0000-0000000000f1'",
            "DELETE FROM {schema}.cpf_step WHERE event_id = '00000000-0000-0000-0000-000000000013'",
            "UPDATE {schema}.level1_contact SET routed_to = 'POLE_EMPLOI' WHERE contact_id = "
                    + "'00000000-0000-0000-0000-0000000000f2'",
            // P3 opened and closed on a level changed the same day
            accompaniment(A3.replace("b3", "b4"), P3, S2, R1, "2016-05-02"),
            "INSERT INTO {schema}.accompaniment_level (event_id, accompaniment_id, beneficiary_id, structure_id, "
                    + "referent_id, level, service, from_date, recorded_at) VALUES "
                    + "('00000000-0000-0000-0000-000000000205', " + A3.replace("b3", "b4") + ", " + P3 + ", " + S2
                    + ", " + R1 + ", 2, NULL, '2016-05-02', '2016-05-02T10:00:00Z'), "
                    + "('00000000-0000-0000-0000-000000000206', " + A3.replace("b3", "b4") + ", " + P3 + ", " + S2
                    + ", " + R2 + ", 3, NULL, '2016-05-02', '2016-05-02T11:00:00Z')",
            // funding decisions: answered, one answer corrected to another delay, one removed, one withdrawn
            decision("21", P1, S1, "GRANTED", 12),
            decision("22", P2, S1, "GRANTED", 30),
            decision("23", P2, S1, "WITHDRAWN", 5),
            "UPDATE {schema}.funding_decision SET delay_days = 18, recorded_at = '2016-03-20T10:00:00Z' "
                    + "WHERE event_id = '00000000-0000-0000-0000-000000000021'",
            "DELETE FROM {schema}.funding_decision WHERE event_id = '00000000-0000-0000-0000-000000000022'",
            decision("24", P3, S2, "REFUSED", 12));

    private static final String ITEMS = "SELECT person, line, structure_id, a, b, w, shared, recorded "
            + "FROM {schema}.member_item ORDER BY 1, 2, 3, 4, 5";
    private static final String COUNTERS = "SELECT line, month, structure_id, starts, ends FROM {schema}.member_month "
            + "ORDER BY 1, 2, 3";
    private static final String REFERENTS = "SELECT accompaniment_id, referent_id, structure_id, a, b, recorded "
            + "FROM {schema}.referent_item ORDER BY 1, 2, 3, 4, 5";
    private static final String PAIRS = "SELECT structure_id, line, b, a, w FROM {schema}.member_pair "
            + "ORDER BY 1, 2, 3, 4";
    private static final String NATIONAL_DELAYS = "SELECT month, funder, delay_days, n FROM {schema}.delay_month "
            + "ORDER BY 1, 2, 3";
    private static final String PEOPLE_AND_DELAY_NOTES = "SELECT (SELECT count(*) FROM {schema}.people_change) "
            + "+ (SELECT count(*) FROM {schema}.delay_day_change)";
    /**
     * Per table whose latest recording the folds keep beside it (V17): whether the kept one is not earlier than the
     * rows' (what the answers' "as of now" check needs), and whether it is theirs exactly.
     */
    private static final String LATEST_RECORDINGS = "SELECT x.pre_aggregate, r.recorded_max >= x.latest, "
            + "r.recorded_max = x.latest FROM {schema}.pre_aggregate_recorded r JOIN (SELECT 'member_item' AS "
            + "pre_aggregate, max(recorded) AS latest FROM {schema}.member_item UNION ALL SELECT 'referent_item', "
            + "max(recorded) FROM {schema}.referent_item) x ON x.pre_aggregate = r.pre_aggregate ORDER BY 1";
    private static final String DELAYS = "SELECT month, structure_id, funder, delay_days, n, recorded_max "
            + "FROM {schema}.delay_day ORDER BY 1, 2, 3, 4";

    @Inject
    GenerationRepository generations;

    @Inject
    DataSource dataSource;

    @Test
    void aBatchLeavesTheRowsOfARecomputationAndOfTheChangesOneByOne() throws SQLException {
        Generation batch = scratch();
        Generation oneByOne = scratch();
        Generation corrections = scratch();
        try (Connection connection = dataSource.getConnection()) {
            // one projection batch: every change, then one fold before the commit
            connection.setAutoCommit(false);
            applyAsOneBatch(connection, batch, CHANGES);
            assertThat(rows(connection, batch.sql("SELECT count(*) FROM {schema}.people_change")))
                    .as("people noted, not yet folded").isNotEqualTo(List.of(List.of("0")));
            assertThat(rows(connection, batch.sql(ITEMS))).as("nothing folded before the batch's end").isEmpty();
            foldInTheTransaction(connection, batch);
            connection.commit();
            // record by record: each change a batch of its own
            for (String change : CHANGES) {
                applyAsOneBatch(connection, oneByOne, List.of(change));
                foldInTheTransaction(connection, oneByOne);
                connection.commit();
            }
            // outside any batch: each statement folds at its end
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String change : CHANGES) {
                    statement.executeUpdate(corrections.sql(change));
                }
            }

            Map<String, List<List<String>>> kept = snapshot(connection, batch);
            assertThat(kept.get(REFERENTS)).as("referents per accompaniment")
                    .anySatisfy(row -> assertThat(row.get(1)).isEqualTo(R1.replace("'", "")))
                    .anySatisfy(row -> assertThat(row.get(1)).isEqualTo(R2.replace("'", "")));
            assertThat(kept.get(ITEMS)).as("items").isNotEmpty()
                    .noneSatisfy(row -> assertThat(row.get(1)).isEqualTo("referent"))
                    .anySatisfy(row -> assertThat(row.subList(1, 2)).containsExactly("consent-DIGITAL"))
                    .anySatisfy(row -> assertThat(row.get(6)).as("shared").isEqualTo("t"));
            assertThat(kept.get(COUNTERS)).as("counters").isNotEmpty();
            assertThat(kept.get(DELAYS)).as("delays").isNotEmpty();
            assertThat(kept.get(PAIRS)).as("inverted items summed").isNotEmpty();
            assertThat(kept.get(NATIONAL_DELAYS)).as("delays summed over the structures").isNotEmpty();
            assertThat(snapshot(connection, oneByOne)).as("changes one by one, each folded").isEqualTo(kept);
            assertThat(snapshot(connection, corrections)).as("changes outside a batch").isEqualTo(kept);
            for (Generation generation : List.of(batch, oneByOne, corrections)) {
                assertThat(rows(connection, generation.sql(PEOPLE_AND_DELAY_NOTES))).as("nothing left noted")
                        .isEqualTo(List.of(List.of("0")));
                assertThat(rows(connection, generation.sql(LATEST_RECORDINGS)))
                        .as("the latest recordings kept by the folds, never before the rows'")
                        .extracting(row -> row.subList(0, 2))
                        .containsExactly(List.of("member_item", "t"), List.of("referent_item", "t"));
            }

            // what a recomputation from the facts gives: the items and counters exactly; the histogram's counts
            try (Statement statement = connection.createStatement()) {
                statement.execute(batch.sql("SELECT {schema}.refresh_people_and_delays()"));
            }
            Map<String, List<List<String>>> recomputed = snapshot(connection, batch);
            assertThat(rows(connection, batch.sql(LATEST_RECORDINGS))).as("the rows' own after a recomputation")
                    .containsExactly(List.of("member_item", "t", "t"), List.of("referent_item", "t", "t"));
            assertThat(kept.get(ITEMS)).isEqualTo(recomputed.get(ITEMS));
            assertThat(kept.get(COUNTERS)).isEqualTo(recomputed.get(COUNTERS));
            assertThat(kept.get(REFERENTS)).isEqualTo(recomputed.get(REFERENTS));
            assertThat(kept.get(DELAYS).stream().filter(r -> !r.get(4).equals("0")).map(r -> r.subList(0, 5)).toList())
                    .isEqualTo(recomputed.get(DELAYS).stream().map(r -> r.subList(0, 5)).toList());
            assertThat(kept.get(PAIRS)).isEqualTo(recomputed.get(PAIRS));
            assertThat(kept.get(NATIONAL_DELAYS).stream().filter(r -> !r.get(3).equals("0")).toList())
                    .isEqualTo(recomputed.get(NATIONAL_DELAYS));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> List.of(batch, oneByOne, corrections)
                    .forEach(g -> generations.drop(g, List.of())));
        }
    }

    /**
     * Notes committed and not yet folded (what a batch leaves the folding thread, V14) are obsolete once the
     * pre-aggregates are recomputed from the facts: a fold after the recomputation changes nothing. A delay's note is a
     * difference, so one left behind would count its decision twice.
     */
    @Test
    void aRecomputationLeavesNoNoteForALaterFold() throws SQLException {
        Generation generation = scratch();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            applyAsOneBatch(connection, generation, CHANGES);
            connection.commit();
            String noted = generation.sql(PEOPLE_AND_DELAY_NOTES);
            assertThat(rows(connection, noted)).as("the batch's notes committed, not folded")
                    .isNotEqualTo(List.of(List.of("0")));

            try (Statement statement = connection.createStatement()) {
                statement.execute(generation.sql("SELECT {schema}.refresh_people_and_delays()"));
            }
            connection.commit();
            Map<String, List<List<String>>> recomputed = snapshot(connection, generation);
            assertThat(recomputed.get(DELAYS)).as("delays recomputed").isNotEmpty();
            assertThat(rows(connection, noted)).as("no note outlives the recomputation")
                    .isEqualTo(List.of(List.of("0")));

            foldInTheTransaction(connection, generation);
            connection.commit();
            assertThat(snapshot(connection, generation)).as("a fold after the recomputation").isEqualTo(recomputed);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> generations.drop(generation, List.of()));
        }
    }

    private Generation scratch() {
        return IndicatorPathsEqualityTest.scratch(generations);
    }

    /**
     * {@code changes} sent on {@code connection} as a projection batch sends them: in its open transaction, each change
     * noted for the fold, none folded.
     */
    static void applyAsOneBatch(Connection connection, Generation generation, List<String> changes)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL reporting.monthly_fact_fold = 'batch'");
            for (String change : changes) {
                statement.executeUpdate(generation.sql(change));
            }
        }
    }

    /** The fold a batch runs before its commit ({@code reporting.projection.fold = in-transaction}). */
    static void foldInTheTransaction(Connection connection, Generation generation) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(generation.sql("SELECT {schema}.fold_pre_aggregates()"));
        }
    }

    static Map<String, List<List<String>>> snapshot(Connection connection, Generation generation)
            throws SQLException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        for (String query : List.of(ITEMS, COUNTERS, PAIRS, REFERENTS, DELAYS, NATIONAL_DELAYS)) {
            tables.put(query, rows(connection, generation.sql(query)));
        }
        return tables;
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String accompaniment(String id, String person, String structure, String referent, String on) {
        return "INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, referent_id, level, "
                + "opened_on, opened_at, recorded_at) VALUES (" + id + ", " + person + ", " + structure + ", " + referent
                + ", 2, '" + on + "', '" + on + "T09:00:00Z', '" + on + "T09:00:00Z') "
                + "ON CONFLICT (accompaniment_id) DO UPDATE SET referent_id = excluded.referent_id";
    }

    private static String level(String event, String accompaniment, String person, String structure, String referent,
            int level, String from) {
        return "INSERT INTO {schema}.accompaniment_level (event_id, accompaniment_id, beneficiary_id, structure_id, "
                + "referent_id, level, service, from_date, recorded_at) VALUES ('00000000-0000-0000-0000-0000000002"
                + event + "', " + accompaniment + ", " + person + ", " + structure + ", " + referent + ", " + level
                + ", 'SERVICE_" + level + "', '" + from + "', '" + from + "T10:00:00Z')";
    }

    private static String step(String event, String person, String step, String on, String modality) {
        return "INSERT INTO {schema}.cpf_step (event_id, beneficiary_id, structure_id, step, step_on, modality, "
                + "recorded_at) VALUES ('00000000-0000-0000-0000-0000000000" + event + "', " + person + ", " + S1
                + ", '" + step + "', '" + on + "', " + modality + ", '" + on + "T10:00:00Z')";
    }

    private static String decision(String event, String person, String structure, String decision, int delay) {
        return "INSERT INTO {schema}.funding_decision (event_id, request_id, project_id, beneficiary_id, structure_id, "
                + "funder, decision, requested_on, decided_on, delay_days, new_fe, recorded_at) VALUES "
                + "('00000000-0000-0000-0000-0000000000" + event + "', gen_random_uuid(), gen_random_uuid(), " + person
                + ", " + structure + ", 'REGION', '" + decision + "', '2016-03-01', DATE '2016-03-01' + " + delay + ", "
                + delay + ", FALSE, '2016-03-15T10:00:00Z')";
    }
}
