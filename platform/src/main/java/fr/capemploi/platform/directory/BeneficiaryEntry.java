package fr.capemploi.platform.directory;

import java.time.LocalDate;

/**
 * A beneficiary as a service keeps it from {@code beneficiary.events}: each service has its own table with the facts
 * it needs (cep the referent, cpf the categorical facts of the CPF rules); the structure and the erasure are common.
 */
public interface BeneficiaryEntry extends DirectoryEntry {

    /** The day of the person's erasure once this service has seen it; null before. */
    LocalDate erasedOn();

    default boolean erased() {
        return erasedOn() != null;
    }
}
