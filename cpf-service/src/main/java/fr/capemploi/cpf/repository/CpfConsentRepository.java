package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.CpfConsent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CpfConsentRepository implements PanacheRepositoryBase<CpfConsent, UUID> {

    public List<CpfConsent> ofBeneficiary(UUID beneficiaryId) {
        return list("beneficiaryId = ?1 order by term.givenOn, recordedAt", beneficiaryId);
    }

    public Optional<CpfConsent> activeOf(UUID beneficiaryId) {
        return find("beneficiaryId = ?1 and term.withdrawnOn is null", beneficiaryId).firstResultOptional();
    }
}
