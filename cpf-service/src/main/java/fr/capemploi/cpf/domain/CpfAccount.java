package fr.capemploi.cpf.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the structure did about one beneficiary's CPF: presented it, helped to open it, collected consent... */
@Entity
@Table(name = "cpf_account")
public class CpfAccount {

    @Id
    @Column(name = "beneficiary_id")
    private UUID beneficiaryId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(name = "presented_on")
    private LocalDate presentedOn;

    @Column(name = "presented_by")
    private UUID presentedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "opening_step")
    private OpeningStep openingStep;

    @Column(name = "opening_on")
    private LocalDate openingOn;

    @Column(name = "opening_by")
    private UUID openingBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CpfAccount() {
    }

    public CpfAccount(UUID beneficiaryId, UUID structureId, Instant recordedAt) {
        this.beneficiaryId = beneficiaryId;
        this.structureId = structureId;
        this.recordedAt = recordedAt;
    }

    /** Presenting again keeps the first date: the indicator asks whether and when the CPF was first presented. */
    public boolean present(LocalDate on, UUID counsellorId) {
        if (presentedOn != null && !on.isBefore(presentedOn)) {
            return false;
        }
        presentedOn = on;
        presentedBy = counsellorId;
        return true;
    }

    /**
     * Records the opening step. The same step again keeps its first date; a different step is a correction and
     * replaces it, so that the assisted-opening indicator follows what the counsellor last stated.
     */
    public boolean recordOpening(OpeningStep step, LocalDate on, UUID counsellorId) {
        if (step == openingStep && !on.isBefore(openingOn)) {
            return false;
        }
        openingStep = step;
        openingOn = on;
        openingBy = counsellorId;
        return true;
    }

    public UUID beneficiaryId() { return beneficiaryId; }
    public UUID structureId() { return structureId; }
    public LocalDate presentedOn() { return presentedOn; }
    public UUID presentedBy() { return presentedBy; }
    public OpeningStep openingStep() { return openingStep; }
    public LocalDate openingOn() { return openingOn; }
}
