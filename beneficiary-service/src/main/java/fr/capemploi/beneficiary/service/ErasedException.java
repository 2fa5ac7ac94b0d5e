package fr.capemploi.beneficiary.service;

import java.util.UUID;

/** The beneficiary was erased: its tombstone can be read, nothing can be changed any more (410). */
public class ErasedException extends RuntimeException {
    public ErasedException(UUID beneficiaryId) {
        super("Beneficiary " + beneficiaryId + " was erased; its record can no longer be changed");
    }
}
