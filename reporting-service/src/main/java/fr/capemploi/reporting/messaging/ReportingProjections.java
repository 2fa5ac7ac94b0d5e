package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Every projection of the reporting service, bound to the tables of one generation. */
@ApplicationScoped
public class ReportingProjections {

    private final EntityManager entityManager;

    public ReportingProjections(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<EventProjection> of(Generation generation) {
        GenerationBatch batch = new GenerationBatch(generation, entityManager);
        return List.of(new StructureProjection(generation, entityManager, batch),
                new BeneficiaryFactsProjection(generation, entityManager, batch),
                new CepFactsProjection(generation, entityManager, batch),
                new CpfFactsProjection(generation, entityManager, batch));
    }
}
