package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.CpfConsent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The queries are the entity's named queries, which Hibernate parses once at start-up. Parsed on first use instead,
 * the first consents of a load, two dozen requests at once, each parsed them with HQL's grammar not warmed yet: ~190 MB
 * of the parser's garbage in 20 s, promoted by the young collections under way, grew cpf-service's heap from 61 to
 * 177 MiB for good (bench/JOURNAL.md, "cpf-service's heap burst traced").
 */
@ApplicationScoped
public class CpfConsentRepository implements PanacheRepositoryBase<CpfConsent, UUID> {

    public List<CpfConsent> ofBeneficiary(UUID beneficiaryId) {
        return list("#" + CpfConsent.OF_BENEFICIARY, beneficiaryId);
    }

    public Optional<CpfConsent> activeOf(UUID beneficiaryId) {
        return find("#" + CpfConsent.ACTIVE_OF, beneficiaryId).firstResultOptional();
    }
}
