package fr.capemploi.cpf.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the structure did about one beneficiary's CPF: presented it, helped to open it, collected consent... */
@Entity
public class CpfAccount {

    @Id
    private UUID beneficiaryId;

    private UUID structureId;

    private LocalDate presentedOn;

    private UUID presentedBy;

    @Enumerated(EnumType.STRING)
    private OpeningStep openingStep;

    private LocalDate openingOn;

    private UUID openingBy;

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
