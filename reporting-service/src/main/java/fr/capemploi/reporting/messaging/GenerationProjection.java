package fr.capemploi.reporting.messaging;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.platform.consumer.TypedProjection;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.repository.ProjectionSql;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A projection writing into the tables of one generation. Its statements are queued while a batch of events is
 * applied and sent when the batch ends as a few JDBC batches (one round trip each instead of one per statement):
 * see {@link #inRounds}. Projections only write while applying, so nothing reads a queued change before it is sent.
 * What the batch's statements noted for the pre-aggregates ({@code monthly_fact}, the people's items and counters,
 * the delays' histogram) is folded once, after its statements (migrations V3 and V5).
 */
abstract class GenerationProjection extends TypedProjection {

    private final Generation generation;
    private final EntityManager entityManager;
    private final Map<String, String> resolved = new HashMap<>();
    private final List<Queued> queued = new ArrayList<>();
    private final String foldPreAggregates;
    private UUID currentKey;

    GenerationProjection(Generation generation, EntityManager entityManager) {
        this.generation = generation;
        this.entityManager = entityManager;
        this.foldPreAggregates = generation.sql("SELECT {schema}.fold_pre_aggregates()");
    }

    /** Queues a statement over the generation's tables ({@code {schema}} in the template). */
    protected final void sql(String template, Object... parameters) {
        queued.add(new Queued(currentKey, new ProjectionSql.Statement(
                resolved.computeIfAbsent(template, generation::sql), parameters)));
    }

    @Override
    protected final void handling(DomainEvent event) {
        currentKey = event.recordKey();
    }

    @Override
    public final void beginBatch() {
        queued.clear();
    }

    @Override
    public final void flush() {
        if (queued.isEmpty()) {
            return;
        }
        try {
            ProjectionSql.update(entityManager, "SET LOCAL reporting.monthly_fact_fold = 'batch'");
            ProjectionSql.updateInRuns(entityManager, inRounds(queued));
            ProjectionSql.query(entityManager, foldPreAggregates, Map.of());
        } finally {
            queued.clear();
        }
    }

    /**
     * The batch's statements in rounds: round k holds the k-th statement of each record key, and within a round the
     * same statement goes together, so that a batch of thousands of events is a few dozen runs of one statement.
     * The statements of one key (one person, one structure...) keep their order: they may read what the previous
     * ones wrote. Those of different keys may come in any order, as they already do when their events sit on
     * different partitions: the projections never rely on it (counters are sums, versions are per key).
     */
    static List<ProjectionSql.Statement> inRounds(List<Queued> statements) {
        Map<UUID, Integer> depth = new HashMap<>();
        Map<String, Integer> templates = new HashMap<>();
        List<Placed> placed = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Queued q = statements.get(i);
            int round = depth.merge(q.key(), 1, Integer::sum) - 1;
            int template = templates.computeIfAbsent(q.statement().sql(), t -> templates.size());
            placed.add(new Placed(round, template, i, q.statement()));
        }
        placed.sort(Comparator.comparingInt(Placed::round).thenComparingInt(Placed::template)
                .thenComparingInt(Placed::index));
        return placed.stream().map(Placed::statement).toList();
    }

    /** A statement and the record key of the event it comes from (null: keep it in order with the other nulls). */
    record Queued(UUID key, ProjectionSql.Statement statement) {
    }

    private record Placed(int round, int template, int index, ProjectionSql.Statement statement) {
    }
}
