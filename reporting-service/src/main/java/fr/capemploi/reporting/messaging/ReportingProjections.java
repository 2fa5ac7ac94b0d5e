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
        return List.of(new StructureProjection(generation, entityManager),
                new BeneficiaryFactsProjection(generation, entityManager),
                new CepFactsProjection(generation, entityManager),
                new CpfFactsProjection(generation, entityManager));
    }
}
