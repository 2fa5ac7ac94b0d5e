package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import fr.capemploi.platform.domain.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A CEP level-1 contact (accueil individualisé). The person may be anonymous: then no beneficiary id and no
 * personal data at all. When the person is routed to another CEP operator, a fiche de liaison may go with them.
 */
@Entity
public class Level1Contact {

    @Id
    private UUID id;

    private UUID structureId;

    private UUID counsellorId;

    private UUID beneficiaryId;

    private LocalDate contactDate;

    @Enumerated(EnumType.STRING)
    private ContactChannel channel;

    @Enumerated(EnumType.STRING)
    private Level1Request request;

    /** The CEP operator the person was routed to, if any. */
    @Enumerated(EnumType.STRING)
    private CepOperator routedTo;

    private boolean liaisonSheetIssued;

    private Instant recordedAt;

    private String recordedBy;

    protected Level1Contact() {
    }

    public Level1Contact(UUID id, UUID structureId, UUID counsellorId, UUID beneficiaryId, LocalDate contactDate,
            ContactChannel channel, Level1Request request, CepOperator routedTo, boolean liaisonSheetIssued,
            Instant recordedAt, String recordedBy) {
        if (liaisonSheetIssued && routedTo == null) {
            throw new RuleViolation("routedTo", "a fiche de liaison goes to the CEP operator the person is "
                    + "routed to: name it");
        }
        this.id = id;
        this.structureId = structureId;
        this.counsellorId = counsellorId;
        this.beneficiaryId = beneficiaryId;
        this.contactDate = contactDate;
        this.channel = channel;
        this.request = request;
        this.routedTo = routedTo;
        this.liaisonSheetIssued = liaisonSheetIssued;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public UUID id() { return id; }
    public UUID structureId() { return structureId; }
    public UUID counsellorId() { return counsellorId; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public LocalDate contactDate() { return contactDate; }
    public ContactChannel channel() { return channel; }
    public Level1Request request() { return request; }
    public CepOperator routedTo() { return routedTo; }
    public boolean liaisonSheetIssued() { return liaisonSheetIssued; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
}
