package fr.capemploi.beneficiary.domain;

import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import fr.capemploi.platform.domain.ConsentTerm;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A GDPR consent of a beneficiary: scope, date and how it was collected, then possibly withdrawn. Kept after the
 * person's erasure as the legal trace of what was allowed when; it holds nothing personal.
 */
@Entity
public class Consent {

    @Id
    private UUID id;

    private UUID beneficiaryId;

    private UUID structureId;

    @Enumerated(EnumType.STRING)
    private ConsentScope scope;

    @Enumerated(EnumType.STRING)
    private ConsentModality modality;

    @Embedded
    private ConsentTerm term;

    @Enumerated(EnumType.STRING)
    private ConsentModality withdrawalModality;

    private Instant recordedAt;

    protected Consent() {
    }

    public Consent(UUID id, UUID beneficiaryId, UUID structureId, ConsentScope scope, LocalDate givenOn,
            ConsentModality modality, Instant recordedAt) {
        this.id = id;
        this.beneficiaryId = beneficiaryId;
        this.structureId = structureId;
        this.scope = scope;
        this.term = new ConsentTerm(givenOn);
        this.modality = modality;
        this.recordedAt = recordedAt;
    }

    /** Withdrawn once, and not before it was given. */
    public void withdraw(LocalDate on, ConsentModality how) {
        term.withdraw(on, "Consent " + id);
        this.withdrawalModality = how;
    }

    public boolean active() {
        return term.active();
    }

    public UUID id() {
        return id;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public UUID structureId() {
        return structureId;
    }

    public ConsentScope scope() {
        return scope;
    }

    public LocalDate givenOn() {
        return term.givenOn();
    }

    public ConsentModality modality() {
        return modality;
    }

    public LocalDate withdrawnOn() {
        return term.withdrawnOn();
    }

    public ConsentModality withdrawalModality() {
        return withdrawalModality;
    }
}
