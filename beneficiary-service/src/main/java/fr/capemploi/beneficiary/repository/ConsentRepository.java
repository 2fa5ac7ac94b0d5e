package fr.capemploi.beneficiary.repository;

import fr.capemploi.beneficiary.domain.Consent;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public List<Consent> ofBeneficiary(UUID beneficiaryId) {
        return list("beneficiaryId", Sort.by("term.givenOn").and("id"), beneficiaryId);
    }

    public boolean inForce(UUID beneficiaryId, ConsentScope scope) {
        return count("beneficiaryId = ?1 and scope = ?2 and term.withdrawnOn is null", beneficiaryId, scope) > 0;
    }
}
