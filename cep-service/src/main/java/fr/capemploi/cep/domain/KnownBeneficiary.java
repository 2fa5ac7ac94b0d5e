package fr.capemploi.cep.domain;

import fr.capemploi.platform.directory.BeneficiaryEntry;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service knows of a person registered by the beneficiary service: that the id exists, its structure and
 * referent. Nothing personal: names and identity stay in the beneficiary service.
 */
@Entity
public class KnownBeneficiary extends BeneficiaryEntry {

    private UUID referentCounsellorId;

    private Instant updatedAt;

    protected KnownBeneficiary() {
    }

    public KnownBeneficiary(UUID beneficiaryId, UUID structureId, UUID referentCounsellorId, LocalDate entryDate,
            Instant updatedAt) {
        super(beneficiaryId, structureId, entryDate);
        this.referentCounsellorId = referentCounsellorId;
        this.updatedAt = updatedAt;
    }

    public void registered(UUID structureId, UUID referentCounsellorId, LocalDate entryDate, Instant at) {
        registered(structureId, entryDate);
        this.referentCounsellorId = referentCounsellorId;
        this.updatedAt = at;
    }

    public void referentAssigned(UUID counsellorId, Instant at) {
        this.referentCounsellorId = counsellorId;
        this.updatedAt = at;
    }

    /** The last time the registry's events changed this entry (its erasure included). */
    public void changedAt(Instant at) {
        this.updatedAt = at;
    }

    public UUID referentCounsellorId() { return referentCounsellorId; }
}
