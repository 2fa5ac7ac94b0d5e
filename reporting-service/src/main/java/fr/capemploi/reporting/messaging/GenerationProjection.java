package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.TypedProjection;
import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.repository.ProjectionSql;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection writing into the tables of one generation. Its statements are queued while a batch of events is
 * applied and sent when the batch ends, in the order they were made; a run of the same statement goes as one JDBC
 * batch (one round trip instead of one per event). Projections only write while applying, so nothing reads a
 * queued change before it is sent.
 */
abstract class GenerationProjection extends TypedProjection {

    private final Generation generation;
    private final EntityManager entityManager;
    private final Map<String, String> resolved = new HashMap<>();
    private final List<ProjectionSql.Statement> queued = new ArrayList<>();

    GenerationProjection(Generation generation, EntityManager entityManager) {
        this.generation = generation;
        this.entityManager = entityManager;
    }

    /** Queues a statement over the generation's tables ({@code {schema}} in the template). */
    protected final void sql(String template, Object... parameters) {
        queued.add(new ProjectionSql.Statement(resolved.computeIfAbsent(template, generation::sql), parameters));
    }

    @Override
    public final void beginBatch() {
        queued.clear();
    }

    @Override
    public final void flush() {
        try {
            ProjectionSql.updateInRuns(entityManager, queued);
        } finally {
            queued.clear();
        }
    }
}
