package fr.capemploi.cep.service;

import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.platform.accesslog.RegistryAccessLog;
import fr.capemploi.platform.directory.BeneficiaryDirectory;
import fr.capemploi.platform.directory.DirectoryReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/**
 * The beneficiaries announced on {@code beneficiary.events}, in this service's {@code known_beneficiary} (with the
 * referent a new accompaniment defaults to): the platform's protocol for a request about a person.
 */
@ApplicationScoped
public class BeneficiaryReferences extends BeneficiaryDirectory<KnownBeneficiary> {

    private final KnownBeneficiaryRepository beneficiaries;

    public BeneficiaryReferences(KnownBeneficiaryRepository beneficiaries, DirectoryReferences references,
            RegistryAccessLog accessLog) {
        super(references, accessLog);
        this.beneficiaries = beneficiaries;
    }

    @Override
    protected Optional<KnownBeneficiary> find(UUID beneficiaryId, LockModeType lock) {
        return beneficiaries.findByIdOptional(beneficiaryId, lock);
    }
}
