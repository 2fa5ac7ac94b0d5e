package fr.capemploi.cpf.domain;

import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.platform.directory.BeneficiaryEntry;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A beneficiary as the registry announced it on {@code beneficiary.events}: which structure the person belongs to,
 * and the categorical facts the CPF rules care about. Nothing personal is kept here.
 */
@Entity
@Table(name = "known_beneficiary")
public class KnownBeneficiary implements BeneficiaryEntry {

    @Id
    @Column(name = "beneficiary_id")
    private UUID beneficiaryId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_at_entry")
    private StatusAtEntry statusAtEntry;

    @Column(nullable = false)
    private boolean boe;

    @Enumerated(EnumType.STRING)
    @Column(name = "qualification_level")
    private QualificationLevel qualificationLevel;

    @Column(name = "erased_on")
    private LocalDate erasedOn;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected KnownBeneficiary() {
    }

    public KnownBeneficiary(UUID beneficiaryId, UUID structureId, LocalDate entryDate, StatusAtEntry statusAtEntry,
            boolean boe, QualificationLevel qualificationLevel, Instant recordedAt) {
        this.beneficiaryId = beneficiaryId;
        update(structureId, entryDate, statusAtEntry, boe, qualificationLevel, recordedAt);
    }

    /** A later registration of the same person (a correction in the registry) replaces the facts kept. */
    public void update(UUID structureId, LocalDate entryDate, StatusAtEntry statusAtEntry, boolean boe,
            QualificationLevel qualificationLevel, Instant recordedAt) {
        this.structureId = structureId;
        this.entryDate = entryDate;
        this.statusAtEntry = statusAtEntry;
        this.boe = boe;
        this.qualificationLevel = qualificationLevel;
        this.recordedAt = recordedAt;
    }

    public void erase(LocalDate on) {
        if (erasedOn == null) {
            erasedOn = on;
        }
    }

    public UUID beneficiaryId() { return beneficiaryId; }
    @Override
    public UUID structureId() { return structureId; }
    public LocalDate entryDate() { return entryDate; }
    public StatusAtEntry statusAtEntry() { return statusAtEntry; }
    public boolean boe() { return boe; }
    public QualificationLevel qualificationLevel() { return qualificationLevel; }
    @Override
    public LocalDate erasedOn() { return erasedOn; }
}
