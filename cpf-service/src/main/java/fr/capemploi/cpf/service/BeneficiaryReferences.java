package fr.capemploi.cpf.service;

import fr.capemploi.cpf.domain.KnownBeneficiary;
import fr.capemploi.cpf.repository.KnownBeneficiaryRepository;
import fr.capemploi.platform.accesslog.RegistryAccessLog;
import fr.capemploi.platform.directory.BeneficiaryDirectory;
import fr.capemploi.platform.directory.DirectoryReferences;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The beneficiaries announced on {@code beneficiary.events}, in this service's {@code known_beneficiary} (with the
 * categorical facts the CPF rules read): the platform's protocol for a request about a person.
 */
@ApplicationScoped
public class BeneficiaryReferences extends BeneficiaryDirectory<KnownBeneficiary> {

    public BeneficiaryReferences(KnownBeneficiaryRepository beneficiaries, DirectoryReferences references,
            RegistryAccessLog accessLog) {
        super(beneficiaries, references, accessLog);
    }

    /** A beneficiary checked by {@link #requireForWrite}: the use cases take only this. */
    public record Reference(UUID beneficiaryId, UUID structureId) {
    }

    /**
     * Call outside any transaction: it may wait for the registration.
     *
     * @throws fr.capemploi.platform.problem.UnknownReferenceException naming {@code beneficiaryId}
     */
    public Reference requireForWrite(UUID beneficiaryId, UUID structureId) {
        require(beneficiaryId, structureId);
        return new Reference(beneficiaryId, structureId);
    }
}
