package fr.capemploi.platform.repository;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that follows a transaction's commit: what it wrote is then visible to other connections. */
public final class Commits {

    private Commits() {
    }

    /**
     * Runs {@code then} once the current transaction has committed (not after a rollback), on the committing thread.
     * Each call registers one synchronization: callers register once per transaction.
     */
    public static void afterCommit(TransactionSynchronizationRegistry transactions, Runnable then) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add to the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    then.run();
                }
            }
        });
    }
}
