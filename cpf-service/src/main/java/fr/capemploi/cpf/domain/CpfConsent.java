package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import fr.capemploi.platform.domain.ConsentTerm;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The holder's express consent to mobilise the CPF, and its withdrawal: the CPF is never used without it. */
@Entity
@NamedQuery(name = CpfConsent.OF_BENEFICIARY,
        query = "from CpfConsent where beneficiaryId = ?1 order by term.givenOn, recordedAt")
@NamedQuery(name = CpfConsent.ACTIVE_OF, query = "from CpfConsent where beneficiaryId = ?1 and term.withdrawnOn is null")
public class CpfConsent {

    public static final String OF_BENEFICIARY = "CpfConsent.ofBeneficiary";
    public static final String ACTIVE_OF = "CpfConsent.activeOf";

    @Id
    private UUID id;

    private UUID beneficiaryId;

    private UUID structureId;

    @Enumerated(EnumType.STRING)
    private ConsentModality modality;

    private UUID givenBy;

    @Embedded
    private ConsentTerm term;

    private UUID withdrawnBy;

    private Instant recordedAt;

    protected CpfConsent() {
    }

    public CpfConsent(UUID beneficiaryId, UUID structureId, LocalDate givenOn, ConsentModality modality, UUID givenBy,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.beneficiaryId = beneficiaryId;
        this.structureId = structureId;
        this.term = new ConsentTerm(givenOn);
        this.modality = modality;
        this.givenBy = givenBy;
        this.recordedAt = recordedAt;
    }

    public void withdraw(LocalDate on, UUID counsellorId) {
        term.withdraw(on, "The CPF consent " + id);
        withdrawnBy = counsellorId;
    }

    public boolean active() {
        return term.active();
    }

    /** In force on a day: given on or before it and not withdrawn by then. */
    public boolean inForceOn(LocalDate day) {
        return term.inForceOn(day);
    }

    public UUID id() { return id; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public UUID structureId() { return structureId; }
    public LocalDate givenOn() { return term.givenOn(); }
    public ConsentModality modality() { return modality; }
    public UUID givenBy() { return givenBy; }
    public LocalDate withdrawnOn() { return term.withdrawnOn(); }
    public UUID withdrawnBy() { return withdrawnBy; }
}
