package fr.capemploi.cep.repository;

import fr.capemploi.cep.domain.OperatorDeclaration;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OperatorDeclarationRepository implements PanacheRepositoryBase<OperatorDeclaration, UUID> {

    public Optional<OperatorDeclaration> latest(UUID structureId, String period) {
        return find("structureId = ?1 and period = ?2", Sort.descending("version"), structureId, period)
                .firstResultOptional();
    }

    /** Serialises the submissions of one structure and period, so two of them never take the same version. */
    public void lock(UUID structureId, String period) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "operator-declaration:" + structureId + ":" + period)
                .getSingleResult();
    }
}
