package fr.capemploi.platform.directory;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A beneficiary as a service keeps it from {@code beneficiary.events}, in its own {@code known_beneficiary} table.
 * The person's id, structure, entry day and erasure are the same facts in every service and are kept here once; a
 * service's subclass adds what its own rules need (cep the referent, cpf the categorical facts of the CPF rules).
 */
@MappedSuperclass
@EntityListeners(BeneficiaryEntryChanges.class)
public abstract class BeneficiaryEntry implements DirectoryEntry {

    @Id
    private UUID beneficiaryId;

    private UUID structureId;

    private LocalDate entryDate;

    private LocalDate erasedOn;

    protected BeneficiaryEntry() {
    }

    protected BeneficiaryEntry(UUID beneficiaryId, UUID structureId, LocalDate entryDate) {
        this.beneficiaryId = beneficiaryId;
        registered(structureId, entryDate);
    }

    /** A later registration of the same person (a correction in the registry) replaces the facts kept. */
    protected final void registered(UUID structureId, LocalDate entryDate) {
        this.structureId = structureId;
        this.entryDate = entryDate;
    }

    /** The day of the person's erasure; a repeated erasure keeps the first day. */
    protected final void erased(LocalDate on) {
        if (erasedOn == null) {
            erasedOn = on;
        }
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    @Override
    public UUID structureId() {
        return structureId;
    }

    /** The day the person entered; null for a person this service only learnt was erased. */
    public LocalDate entryDate() {
        return entryDate;
    }

    /** The day of the person's erasure once this service has seen it; null before. */
    public LocalDate erasedOn() {
        return erasedOn;
    }

    public boolean erased() {
        return erasedOn != null;
    }
}
