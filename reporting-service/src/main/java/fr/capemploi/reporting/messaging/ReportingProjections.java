package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every projection of the reporting service, bound to the tables of one generation. */
@ApplicationScoped
public class ReportingProjections {

    private final EntityManager entityManager;
    private final int stagedFromRows;

    /**
     * @param stagedFromRows from how many rows a run of one projection insert goes by COPY (tests lower it, so that
     *        every scenario also checks that path)
     */
    public ReportingProjections(EntityManager entityManager,
            @ConfigProperty(name = "reporting.projection.staged-from-rows", defaultValue = "64") int stagedFromRows) {
        this.entityManager = entityManager;
        this.stagedFromRows = stagedFromRows;
    }

    public List<EventProjection> of(Generation generation) {
        GenerationBatch batch = new GenerationBatch(generation, entityManager, stagedFromRows);
        return List.of(new StructureProjection(generation, entityManager, batch),
                new BeneficiaryFactsProjection(generation, entityManager, batch),
                new CepFactsProjection(generation, entityManager, batch),
                new CpfFactsProjection(generation, entityManager, batch));
    }
}
