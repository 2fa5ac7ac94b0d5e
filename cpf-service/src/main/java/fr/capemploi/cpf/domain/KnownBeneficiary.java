package fr.capemploi.cpf.domain;

import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.platform.directory.BeneficiaryEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A beneficiary as the registry announced it on {@code beneficiary.events}: which structure the person belongs to,
 * and the categorical facts the CPF rules care about. Nothing personal is kept here.
 */
@Entity
public class KnownBeneficiary extends BeneficiaryEntry {

    @Enumerated(EnumType.STRING)
    private StatusAtEntry statusAtEntry;

    private boolean boe;

    @Enumerated(EnumType.STRING)
    private QualificationLevel qualificationLevel;

    private Instant recordedAt;

    protected KnownBeneficiary() {
    }

    public KnownBeneficiary(UUID beneficiaryId, UUID structureId, LocalDate entryDate, StatusAtEntry statusAtEntry,
            boolean boe, QualificationLevel qualificationLevel, Instant recordedAt) {
        super(beneficiaryId, structureId, entryDate);
        facts(statusAtEntry, boe, qualificationLevel, recordedAt);
    }

    /** A later registration of the same person (a correction in the registry) replaces the facts kept. */
    public void update(UUID structureId, LocalDate entryDate, StatusAtEntry statusAtEntry, boolean boe,
            QualificationLevel qualificationLevel, Instant recordedAt) {
        registered(structureId, entryDate);
        facts(statusAtEntry, boe, qualificationLevel, recordedAt);
    }

    private void facts(StatusAtEntry statusAtEntry, boolean boe, QualificationLevel qualificationLevel,
            Instant recordedAt) {
        this.statusAtEntry = statusAtEntry;
        this.boe = boe;
        this.qualificationLevel = qualificationLevel;
        this.recordedAt = recordedAt;
    }

    public StatusAtEntry statusAtEntry() { return statusAtEntry; }
    public boolean boe() { return boe; }
    public QualificationLevel qualificationLevel() { return qualificationLevel; }
}
