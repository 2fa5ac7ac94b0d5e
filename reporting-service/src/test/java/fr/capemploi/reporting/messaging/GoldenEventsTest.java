package fr.capemploi.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.repository.GenerationRepository;
import fr.capemploi.reporting.repository.PreAggregateNotes;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every event version ever published (the frozen golden envelopes of the events module) is accepted by the
 * projections: applied to a scratch generation inside a transaction that is rolled back.
 */
@QuarkusTest
class GoldenEventsTest {

    private static final Path GOLDEN = Path.of("..", "events", "src", "test", "resources", "golden");

    @Inject
    GenerationRepository generations;

    @Inject
    ReportingProjections projections;

    @Inject
    EntityManager entityManager;

    @Inject
    UserTransaction transaction;

    @Inject
    PreAggregateFolds folds;

    @Inject
    PreAggregateNotes notes;

    @Test
    void everyGoldenEnvelopeIsApplied() throws Exception {
        List<EventEnvelope> envelopes = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.sorted().toList()) {
                envelopes.add(EventCodec.fromBytes(Files.readAllBytes(file)));
            }
        }
        assertThat(envelopes).extracting(EventEnvelope::eventType)
                .containsAll(EventCatalog.all().stream().map(t -> EventCatalog.metadata(t).name()).toList());

        TreeMap<String, Long> rows = new TreeMap<>();
        transaction.begin();
        try {
            Generation scratch = generations.create(generations.lastNumber() + 1, Generation.State.ABANDONED);
            List<EventProjection> all = projections.of(scratch);
            for (EventProjection projection : all) {
                // as the platform applies a batch: begin, apply each event, flush the queued statements
                projection.beginBatch();
                envelopes.forEach(projection::apply);
                projection.flush();
            }
            // then, once every projection has flushed, each completes the batch (the first one folds, or with
            // concurrent folds asks the instance's folder to, after the commit: here the fold it would run, in the
            // transaction, which is rolled back)
            all.forEach(EventProjection::completeBatch);
            if (folds.concurrent()) {
                notes.fold(scratch);
            }
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = ?1").setParameter(1, scratch.schema()).getResultList();
            for (String table : tables) {
                rows.put(table, ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + scratch.schema()
                        + "." + table).getSingleResult()).longValue());
            }
        } finally {
            transaction.rollback();
        }
        // what a batch notes for the pre-aggregates (the *_change tables) is folded: none is left
        Map<String, Long> noted = new TreeMap<>(rows);
        noted.keySet().removeIf(table -> !table.endsWith("_change"));
        rows.keySet().removeAll(noted.keySet());
        // member_pair sums only the items a person's steps invert (a withdrawal on the day of the step, a second
        // contact after the first month's): one envelope of each type makes none, PeopleAndDelaysFoldTest does
        assertThat(rows).containsEntry("member_pair", 0L);
        rows.remove("member_pair");
        assertThat(noted).containsKeys("monthly_fact_change", "people_change", "delay_day_change")
                .allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(rows).containsKeys("structure", "beneficiary", "accompaniment", "declaration", "funding_decision",
                "monthly_fact").allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
    }
}
