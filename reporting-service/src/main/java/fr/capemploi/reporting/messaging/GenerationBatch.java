package fr.capemploi.reporting.messaging;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.repository.ProjectionSql;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What the projections of one generation share within a transaction of the channel: their statements note changes
 * for the pre-aggregates ({@code monthly_fact}, the people's items and counters, the delays' histogram), folded once
 * whatever the number of projections that noted them (migrations V3 and V5: a fold recomputes each person noted; the
 * CEP and CPF facts of one person, noted by two projections, are recomputed once, not twice): before the commit, or,
 * with {@code reporting.projection.fold = concurrent}, after it by {@link PreAggregateFolds} in a transaction of its
 * own, the notes committed with the facts.
 */
final class GenerationBatch {

    /** Marks a transaction whose statements already wait for the fold: the setting is the transaction's. */
    private static final Object FOLD_DEFERRED = new Object();

    private final Generation generation;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final PreAggregateFolds folds;
    private boolean noted;

    GenerationBatch(Generation generation, EntityManager entityManager,
            TransactionSynchronizationRegistry transactions, PreAggregateFolds folds) {
        this.generation = generation;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.folds = folds;
    }

    /**
     * A projection is about to send statements: what they note waits for {@link #fold}, in this transaction. The
     * setting goes once per transaction, not once per projection flushing (a round trip each, for every live batch).
     * (A flag left by an attempt that failed before its fold costs at most one fold of nothing later.)
     */
    void noted() {
        if (transactions.getResource(FOLD_DEFERRED) == null) {
            ProjectionSql.update(entityManager, "SET LOCAL reporting.monthly_fact_fold = 'batch'");
            transactions.putResource(FOLD_DEFERRED, Boolean.TRUE);
        }
        noted = true;
    }

    /** Folds what the transaction's statements noted, once; the next projection completing finds nothing to do. */
    void fold() {
        if (noted) {
            noted = false;
            folds.batchNoted(generation, transactions);
        }
    }
}
