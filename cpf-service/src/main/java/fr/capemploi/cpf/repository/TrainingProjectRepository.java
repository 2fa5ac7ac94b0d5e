package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.TrainingProject;
import fr.capemploi.cpf.domain.TrainingStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The fixed queries are the entity's named queries, parsed at start-up ({@link CpfConsentRepository}); the list's
 * filters make a query of their own.
 */
@ApplicationScoped
public class TrainingProjectRepository implements PanacheRepositoryBase<TrainingProject, UUID> {

    public PanacheQuery<TrainingProject> ofStructure(UUID structureId, UUID beneficiaryId, TrainingStatus status) {
        StringBuilder query = new StringBuilder("structureId = :structure");
        Parameters parameters = Parameters.with("structure", structureId);
        if (beneficiaryId != null) {
            query.append(" and beneficiaryId = :beneficiary");
            parameters.and("beneficiary", beneficiaryId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query.toString(), Sort.descending("createdOn", "recordedAt").and("id"), parameters);
    }

    /** Whose project it is, without loading (or locking) the project itself. */
    public Optional<UUID> beneficiaryOf(UUID projectId, UUID structureId) {
        return getEntityManager().createNamedQuery(TrainingProject.BENEFICIARY_OF, UUID.class)
                .setParameter("id", projectId).setParameter("structure", structureId)
                .getResultStream().findFirst();
    }

    public List<TrainingProject> ofBeneficiary(UUID beneficiaryId) {
        return list("#" + TrainingProject.OF_BENEFICIARY, beneficiaryId);
    }
}
