package fr.capemploi.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The positions a projection batch writes, against the real database. */
@QuarkusTest
class ConsumerPositionsTest {

    @Inject
    ConsumerPositions positions;

    @Inject
    EntityManager entityManager;

    /**
     * Every projection's positions of a batch in one statement, which also lets the batch's commit skip the WAL flush:
     * each partition lands where its consumer's batch left it, the setting holds in that transaction only (the next
     * transaction on the pooled connection, e.g. a request's with its outbox rows, commits durably), and a position
     * never goes back.
     */
    @Test
    void aBatchWritesEveryProjectionsPositionsTogetherAndOnlyItsOwnCommitSkipsTheFlush() {
        String directory = "positions-test.directory-" + UUID.randomUUID();
        String counsellors = "positions-test.counsellors-" + UUID.randomUUID();
        Instant recorded = Instant.parse("2026-12-08T00:18:27.123456Z");
        Map<String, List<ConsumerPositions.Advance>> batch = new LinkedHashMap<>();
        batch.put(directory, List.of(new ConsumerPositions.Advance(Topics.BENEFICIARY, 0, 5, recorded),
                new ConsumerPositions.Advance(Topics.CPF, 2, 7, null)));
        batch.put(counsellors, List.of(new ConsumerPositions.Advance(Topics.BENEFICIARY, 0, 3, recorded)));

        String before = QuarkusTransaction.requiringNew().call(this::synchronousCommit);
        String inTheBatch = QuarkusTransaction.requiringNew().call(() -> {
            // as a server that flushes at commit (the tests' server does not: TestPostgres)
            entityManager.createNativeQuery("SET LOCAL synchronous_commit = on").executeUpdate();
            positions.advanceRelaxed(batch);
            return synchronousCommit();
        });
        String afterwards = QuarkusTransaction.requiringNew().call(this::synchronousCommit);
        String setBy = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT source FROM pg_settings WHERE name = 'synchronous_commit'")
                .getSingleResult());

        assertThat(inTheBatch).isEqualTo("off");
        assertThat(afterwards).isEqualTo(before);
        assertThat(setBy).isNotEqualTo("session");
        Map<String, Map<String, Map<Integer, ConsumerPositions.Position>>> stored = stored(directory, counsellors);
        assertThat(stored.get(directory)).isEqualTo(Map.of(
                Topics.BENEFICIARY, Map.of(0, new ConsumerPositions.Position(5, recorded)),
                Topics.CPF, Map.of(2, new ConsumerPositions.Position(7, null))));
        assertThat(stored.get(counsellors))
                .isEqualTo(Map.of(Topics.BENEFICIARY, Map.of(0, new ConsumerPositions.Position(3, recorded))));

        // a batch committed late (an older position, no recording time) moves nothing back
        QuarkusTransaction.requiringNew().run(() -> positions.advanceRelaxed(
                Map.of(directory, List.of(new ConsumerPositions.Advance(Topics.BENEFICIARY, 0, 4, null)))));
        assertThat(stored(directory).get(directory).get(Topics.BENEFICIARY))
                .isEqualTo(Map.of(0, new ConsumerPositions.Position(5, recorded)));
    }

    private String synchronousCommit() {
        return (String) entityManager.createNativeQuery("SELECT current_setting('synchronous_commit')")
                .getSingleResult();
    }

    private Map<String, Map<String, Map<Integer, ConsumerPositions.Position>>> stored(String... consumers) {
        return QuarkusTransaction.requiringNew().call(() -> positions.positions(List.of(consumers)));
    }
}
