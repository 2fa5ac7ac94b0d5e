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
 * <p>
 * The replay channel may commit the projections' shares of a batch in transactions of their own, side by side
 * ({@link #commitsApart}), so what a transaction noted is kept with the transaction, not here: several transactions
 * of the generation run at once on several threads.
 */
final class GenerationBatch {

    /** Marks a transaction whose statements already wait for the fold: the setting is the transaction's. */
    private static final Object FOLD_DEFERRED = new Object();

    private final Generation generation;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final PreAggregateFolds folds;
    /** Marks a transaction whose statements noted changes of this generation not folded yet (the key: per batch). */
    private final Object noted = new Object();

    GenerationBatch(Generation generation, EntityManager entityManager,
            TransactionSynchronizationRegistry transactions, PreAggregateFolds folds) {
        this.generation = generation;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.folds = folds;
    }

    /**
     * Whether the generation's projections may commit their shares of a batch apart, each in its own transaction
     * beside the others. They write disjoint tables; what they share is the pre-aggregates their statements note.
     * <ul>
     * <li>{@code concurrent} fold: each transaction only commits its notes with its facts (appended rows, no key two
     * transactions could both take); the folding thread folds them later, in a transaction of its own under the
     * generation's fold lock, reading every fact committed by then. The CEP and CPF facts of one person committed
     * apart are folded once if their notes are there at the same fold, twice otherwise, each fold recomputing the
     * person from every committed fact: the same figures. This is also what two instances' live channels already do
     * on one generation.</li>
     * <li>{@code in-transaction} fold: each transaction would fold its notes before its commit, recomputing a person
     * from the facts it sees; the CEP and CPF shares of one batch, folding the same person at once, would each miss
     * the other's uncommitted facts and the later commit would win with figures missing the other's. One transaction,
     * as before. (A rebuild with its upkeep deferred notes nothing, but its upkeep may be restored by another instance
     * at any time, turning its triggers on under the channel's feet: the setting is the safe thing to decide on.)</li>
     * </ul>
     */
    boolean commitsApart() {
        return folds.concurrent();
    }

    /**
     * A projection is about to send statements: what they note waits for {@link #fold}, in this transaction. The
     * setting goes once per transaction, not once per projection flushing (a round trip each, for every live batch).
     */
    void noted() {
        if (transactions.getResource(FOLD_DEFERRED) == null) {
            ProjectionSql.update(entityManager, "SET LOCAL reporting.monthly_fact_fold = 'batch'");
            transactions.putResource(FOLD_DEFERRED, Boolean.TRUE);
        }
        transactions.putResource(noted, Boolean.TRUE);
    }

    /**
     * Folds what the transaction's statements noted, once; the next projection completing in it finds nothing to do.
     * A transaction that noted nothing (its projections' shares had no statement) folds nothing.
     */
    void fold() {
        if (Boolean.TRUE.equals(transactions.getResource(noted))) {
            transactions.putResource(noted, Boolean.FALSE);
            folds.batchNoted(generation, transactions);
        }
    }
}
