package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * The notes a generation's statements write for its pre-aggregates ({@code monthly_fact_change},
 * {@code people_change}, {@code delay_day_change}) and their fold ({@code fold_pre_aggregates()}, migration B13),
 * in the caller's transaction. The fold takes the generation's fold lock first and moves every note committed so
 * far (and the transaction's own), each once: notes committed after its statements began wait for the next fold.
 */
@ApplicationScoped
public class PreAggregateNotes {

    private final EntityManager entityManager;

    public PreAggregateNotes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Folds what is noted into the pre-aggregates. */
    public void fold(Generation generation) {
        ProjectionSql.query(entityManager, generation.sql("SELECT {schema}.fold_pre_aggregates()"), Map.of());
    }

    /** Whether any note waits for a fold, as the transaction sees the notes (an existence: stops at the first). */
    public boolean pending(Generation generation) {
        return Boolean.TRUE.equals(ProjectionSql.query(entityManager, generation.sql(PENDING), Map.of()).get(0)
                .get("pending"));
    }

    /** The notes waiting for a fold (rows of the three tables). */
    public long count(Generation generation) {
        return ((Number) ProjectionSql.query(entityManager, generation.sql("SELECT (SELECT count(*) FROM "
                + "{schema}.monthly_fact_change) + (SELECT count(*) FROM {schema}.people_change) + (SELECT count(*) "
                + "FROM {schema}.delay_day_change) AS notes"), Map.of()).get(0).get("notes")).longValue();
    }

    /** A SQL condition over {@code {schema}}: some note waits for a fold. */
    static final String NOTED = "(EXISTS (SELECT 1 FROM {schema}.monthly_fact_change) "
            + "OR EXISTS (SELECT 1 FROM {schema}.people_change) OR EXISTS (SELECT 1 FROM {schema}.delay_day_change))";

    private static final String PENDING = "SELECT " + NOTED + " AS pending";
}
