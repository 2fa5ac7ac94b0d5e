package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/** Every projection of the reporting service, bound to the tables of one generation. */
@ApplicationScoped
public class ReportingProjections {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final PreAggregateFolds folds;

    public ReportingProjections(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            PreAggregateFolds folds) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.folds = folds;
    }

    public List<EventProjection> of(Generation generation) {
        GenerationBatch batch = new GenerationBatch(generation, entityManager, transactions, folds);
        return List.of(new StructureProjection(generation, entityManager, batch),
                new BeneficiaryFactsProjection(generation, entityManager, batch),
                new CepFactsProjection(generation, entityManager, batch),
                new CpfFactsProjection(generation, entityManager, batch));
    }
}
