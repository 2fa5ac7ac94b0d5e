package fr.capemploi.platform.problem;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person a write is about, directly or through one of their records, was erased (right to be forgotten): the
 * facts recorded before stay, nothing new is recorded. Answered 410 {@code beneficiary-erased}, the same in every
 * service.
 */
public class BeneficiaryErasedException extends GoneException {

    public BeneficiaryErasedException(UUID beneficiaryId, LocalDate erasedOn) {
        super("beneficiary-erased", "Beneficiary erased", "Beneficiary " + beneficiaryId + " was erased"
                + (erasedOn == null ? "" : " on " + erasedOn) + "; nothing can be recorded about this person any more");
    }
}
