package fr.capemploi.cep.service;

import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.repository.KnownBeneficiaryRepository;
import fr.capemploi.platform.accesslog.RegistryAccessLog;
import fr.capemploi.platform.directory.BeneficiaryDirectory;
import fr.capemploi.platform.directory.DirectoryReferences;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The beneficiaries announced on {@code beneficiary.events}, in this service's {@code known_beneficiary} (with the
 * referent a new accompaniment defaults to): the platform's protocol for a request about a person.
 */
@ApplicationScoped
public class BeneficiaryReferences extends BeneficiaryDirectory<KnownBeneficiary> {

    public BeneficiaryReferences(KnownBeneficiaryRepository beneficiaries, DirectoryReferences references,
            RegistryAccessLog accessLog) {
        super(beneficiaries, references, accessLog);
    }
}
