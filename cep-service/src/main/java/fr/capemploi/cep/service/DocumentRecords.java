package fr.capemploi.cep.service;

import fr.capemploi.cep.domain.Accompaniment;
import fr.capemploi.cep.domain.Diagnostic;
import fr.capemploi.cep.domain.FrenchLabels;
import fr.capemploi.cep.domain.Interview;
import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.cep.domain.PlannedAction;
import fr.capemploi.cep.repository.AccompanimentRepository;
import fr.capemploi.cep.repository.DiagnosticRepository;
import fr.capemploi.cep.repository.Level1ContactRepository;
import fr.capemploi.platform.domain.StructureRecords;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Assembles the fiche de liaison and the dossier de synthèse from this service's own records, in one transaction:
 * the parties carry their ids only; {@link Documents} has them named by beneficiary-service afterwards.
 */
@ApplicationScoped
public class DocumentRecords {

    private final Level1ContactRepository contacts;
    private final AccompanimentRepository accompaniments;
    private final DiagnosticRepository diagnostics;
    private final BeneficiaryReferences beneficiaries;

    public DocumentRecords(Level1ContactRepository contacts, AccompanimentRepository accompaniments,
            DiagnosticRepository diagnostics, BeneficiaryReferences beneficiaries) {
        this.contacts = contacts;
        this.beneficiaries = beneficiaries;
        this.accompaniments = accompaniments;
        this.diagnostics = diagnostics;
    }

    @Transactional
    public LiaisonSheet liaisonSheet(UUID contactId, UUID structureId) {
        Level1Contact contact = StructureRecords.requireIn(structureId, contacts.findByIdOptional(contactId),
                Level1Contact::structureId, "Level-1 contact", contactId);
        if (contact.beneficiaryId() != null) {
            // a document is made for the person: an erased one gets none, though the contact itself stays readable
            beneficiaries.requireNotErased(contact.beneficiaryId());
        }
        if (!contact.liaisonSheetIssued()) {
            throw new ResourceNotFoundException("Fiche de liaison of level-1 contact", contactId);
        }
        return new LiaisonSheet(contact.id(), contact.contactDate(), structure(contact.structureId()),
                counsellor(contact.counsellorId()), contact.beneficiaryId(), contact.beneficiaryId() == null,
                contact.channel(), FrenchLabels.of(contact.channel()), contact.request(),
                FrenchLabels.of(contact.request()), contact.routedTo(),
                contact.routedTo() == null ? "Non précisé" : FrenchLabels.of(contact.routedTo()));
    }

    @Transactional
    public SynthesisDossier synthesisDossier(UUID accompanimentId, UUID structureId) {
        Accompaniment accompaniment = StructureRecords.requireIn(structureId,
                accompaniments.findByIdOptional(accompanimentId), Accompaniment::structureId, "Accompaniment",
                accompanimentId);
        beneficiaries.requireNotErased(accompaniment.beneficiaryId());
        if (accompaniment.synthesisIssuedOn() == null) {
            throw new ResourceNotFoundException("Dossier de synthèse (not issued yet) of accompaniment", accompanimentId);
        }
        Diagnostic diagnostic = diagnostics.findById(accompaniment.diagnosticId());
        List<SynthesisDossier.ActionLine> plan = accompaniment.actions().stream()
                .map(action -> line(action, accompaniment.actions())).toList();
        List<Interview> interviews = accompaniment.interviews();
        SynthesisDossier.Decision decision = accompaniment.open() ? null : new SynthesisDossier.Decision(
                accompaniment.closedOn(), accompaniment.outcome(), FrenchLabels.of(accompaniment.outcome()),
                Accompaniment.decisionTaken(accompaniment.outcome()));
        return new SynthesisDossier(accompaniment.id(), accompaniment.beneficiaryId(),
                DocumentParties.Person.unnamed(accompaniment.beneficiaryId()),
                structure(accompaniment.structureId()), counsellor(accompaniment.referentCounsellorId()),
                accompaniment.level(), FrenchLabels.level(accompaniment.level()), accompaniment.capEmploiService(),
                FrenchLabels.of(accompaniment.capEmploiService()), accompaniment.startDate(),
                new SynthesisDossier.Diagnosis(diagnostic.diagnosedOn(), diagnostic.workAxis(),
                        FrenchLabels.of(diagnostic.workAxis()),
                        diagnostic.barriers().stream().map(FrenchLabels::of).toList()),
                accompaniment.cepInformedOn(),
                new SynthesisDossier.Synthesis(accompaniment.synthesisIssuedOn(), accompaniment.synthesisRevision(),
                        counsellor(accompaniment.synthesisCounsellorId()), accompaniment.synthesisProject(),
                        accompaniment.synthesisStrategy()),
                accompaniment.levelChanges().stream()
                        .map(c -> new SynthesisDossier.LevelStep(c.changedOn(), c.fromLevel(), c.toLevel())).toList(),
                new SynthesisDossier.Interviews(interviews.size(),
                        interviews.stream().mapToInt(Interview::durationMinutes).sum(),
                        interviews.isEmpty() ? null : interviews.get(interviews.size() - 1).heldOn()),
                plan, decision);
    }

    private SynthesisDossier.ActionLine line(PlannedAction action, List<PlannedAction> renewed) {
        List<String> details = new ArrayList<>();
        if (action.pmsmpPurpose() != null) {
            details.add("Objet : " + FrenchLabels.of(action.pmsmpPurpose()));
        }
        if (action.hostName() != null) {
            details.add("Structure d'accueil : " + action.hostName()
                    + (action.hostSiret() == null ? "" : " (SIRET " + action.hostSiret() + ")"));
        }
        if (action.renewalOf() != null) {
            // named by its dates: an identifier means nothing to the person holding the dossier
            details.add(renewed.stream().filter(a -> a.id().equals(action.renewalOf())).findFirst()
                    .map(a -> "Renouvellement de la PMSMP du " + FrenchLabels.date(a.startDate()) + " au "
                            + FrenchLabels.date(a.endDate()))
                    .orElse("Renouvellement d'une PMSMP"));
        }
        if (action.alternanceContract() != null) {
            details.add(FrenchLabels.of(action.alternanceContract()));
        }
        if (action.cpfTrainingProjectId() != null) {
            details.add("Formation inscrite au projet de formation CPF de la personne");
        }
        return new SynthesisDossier.ActionLine(action.id(), action.kind(), FrenchLabels.of(action.kind()), action.label(),
                action.status(), FrenchLabels.of(action.status()), action.plannedOn(), action.startDate(),
                action.endDate(), action.statusOn(), String.join(" ; ", details));
    }

    private static DocumentParties.Structure structure(UUID id) {
        return DocumentParties.Structure.unnamed(id);
    }

    private static DocumentParties.Counsellor counsellor(UUID id) {
        return DocumentParties.Counsellor.unnamed(id);
    }
}
