package fr.capemploi.beneficiary.service;

import java.util.UUID;

/** The beneficiary was erased: its tombstone can be read, nothing can be changed any more (410). */
public class ErasedException extends RuntimeException {
    public ErasedException(UUID beneficiaryId) {
        super("Beneficiary " + beneficiaryId + " was erased; its record can no longer be changed");
    }

    /** For a read that only makes sense with the person's identity, which is gone. */
    public ErasedException(String detail) {
        super(detail);
    }
}
