package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The holder's express consent to mobilise the CPF, and its withdrawal: the CPF is never used without it. */
@Entity
@Table(name = "cpf_consent")
public class CpfConsent {

    @Id
    private UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(name = "given_on", nullable = false)
    private LocalDate givenOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsentModality modality;

    @Column(name = "given_by")
    private UUID givenBy;

    @Column(name = "withdrawn_on")
    private LocalDate withdrawnOn;

    @Column(name = "withdrawn_by")
    private UUID withdrawnBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CpfConsent() {
    }

    public CpfConsent(UUID beneficiaryId, UUID structureId, LocalDate givenOn, ConsentModality modality, UUID givenBy,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.beneficiaryId = beneficiaryId;
        this.structureId = structureId;
        this.givenOn = givenOn;
        this.modality = modality;
        this.givenBy = givenBy;
        this.recordedAt = recordedAt;
    }

    public void withdraw(LocalDate on, UUID counsellorId) {
        if (withdrawnOn != null) {
            throw new ConflictException("The CPF consent " + id + " was already withdrawn on " + withdrawnOn);
        }
        if (on.isBefore(givenOn)) {
            throw new RuleViolation("withdrawnOn", "must not be before the consent was given (" + givenOn + ")");
        }
        withdrawnOn = on;
        withdrawnBy = counsellorId;
    }

    public boolean active() {
        return withdrawnOn == null;
    }

    /** In force on a day: given on or before it and not withdrawn by then. */
    public boolean inForceOn(LocalDate day) {
        return !givenOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }

    public UUID id() { return id; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public UUID structureId() { return structureId; }
    public LocalDate givenOn() { return givenOn; }
    public ConsentModality modality() { return modality; }
    public UUID givenBy() { return givenBy; }
    public LocalDate withdrawnOn() { return withdrawnOn; }
    public UUID withdrawnBy() { return withdrawnBy; }
}
