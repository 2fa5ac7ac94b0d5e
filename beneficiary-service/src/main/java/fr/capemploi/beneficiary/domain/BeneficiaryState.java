package fr.capemploi.beneficiary.domain;

/** Where a beneficiary's record stands. ERASED is the tombstone left by the right to be forgotten. */
public enum BeneficiaryState {
    ACTIVE, EXITED, ERASED
}
