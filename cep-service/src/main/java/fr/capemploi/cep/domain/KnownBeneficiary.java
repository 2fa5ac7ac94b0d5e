package fr.capemploi.cep.domain;

import fr.capemploi.platform.directory.BeneficiaryEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service knows of a person registered by the beneficiary service: that the id exists, its structure and
 * referent. Nothing personal: names and identity stay in the beneficiary service.
 */
@Entity
@Table(name = "known_beneficiary")
public class KnownBeneficiary implements BeneficiaryEntry {

    @Id
    @Column(name = "beneficiary_id")
    private UUID beneficiaryId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(name = "referent_counsellor_id")
    private UUID referentCounsellorId;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    @Column(name = "erased_on")
    private LocalDate erasedOn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KnownBeneficiary() {
    }

    public KnownBeneficiary(UUID beneficiaryId, UUID structureId, UUID referentCounsellorId, LocalDate entryDate,
            Instant updatedAt) {
        this.beneficiaryId = beneficiaryId;
        registered(structureId, referentCounsellorId, entryDate, updatedAt);
    }

    public void registered(UUID structureId, UUID referentCounsellorId, LocalDate entryDate, Instant at) {
        this.structureId = structureId;
        this.referentCounsellorId = referentCounsellorId;
        this.entryDate = entryDate;
        this.updatedAt = at;
    }

    public void referentAssigned(UUID counsellorId, Instant at) {
        this.referentCounsellorId = counsellorId;
        this.updatedAt = at;
    }

    public void erased(LocalDate on, Instant at) {
        this.erasedOn = on;
        this.updatedAt = at;
    }

    public UUID beneficiaryId() { return beneficiaryId; }
    @Override
    public UUID structureId() { return structureId; }
    public UUID referentCounsellorId() { return referentCounsellorId; }
    public LocalDate entryDate() { return entryDate; }
    @Override
    public LocalDate erasedOn() { return erasedOn; }
}
