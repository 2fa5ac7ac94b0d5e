package fr.capemploi.cep.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cep.domain.Accompaniment;
import fr.capemploi.cep.domain.ActionSpec;
import fr.capemploi.cep.domain.Diagnostic;
import fr.capemploi.cep.domain.IllegalTransition;
import fr.capemploi.cep.domain.Interview;
import fr.capemploi.cep.domain.KnownBeneficiary;
import fr.capemploi.cep.domain.LevelChange;
import fr.capemploi.cep.domain.PlannedAction;
import fr.capemploi.platform.problem.UnknownReferenceException;
import fr.capemploi.cep.repository.AccompanimentRepository;
import fr.capemploi.cep.repository.DiagnosticRepository;
import fr.capemploi.events.cep.AccompanimentClosed;
import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.AccompanimentLevelChanged;
import fr.capemploi.events.cep.AccompanimentOpened;
import fr.capemploi.events.cep.ActionCancelled;
import fr.capemploi.events.cep.ActionCompleted;
import fr.capemploi.events.cep.ActionPlanned;
import fr.capemploi.events.cep.CepInformationGiven;
import fr.capemploi.events.cep.InterviewHeld;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import fr.capemploi.events.cep.SynthesisIssued;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.domain.StructureRecords;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.repository.Conditions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The use cases of CEP accompaniments. Every change loads the accompaniment locked, applies the aggregate's rule and
 * records its event in the same transaction; the accompaniments returned have their sub-resources loaded.
 */
@ApplicationScoped
public class Accompaniments {

    private final AccompanimentRepository accompaniments;
    private final DiagnosticRepository diagnostics;
    private final BeneficiaryReferences beneficiaries;
    private final Outbox outbox;
    private final Clock clock;

    public Accompaniments(AccompanimentRepository accompaniments, DiagnosticRepository diagnostics,
            BeneficiaryReferences beneficiaries, Outbox outbox, Clock clock) {
        this.accompaniments = accompaniments;
        this.diagnostics = diagnostics;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Opening(UUID structureId, UUID beneficiaryId, UUID diagnosticId, UUID referentCounsellorId,
            Integer level, LocalDate startDate, String recordedBy) {
    }

    /** Call {@link BeneficiaryReferences#require} first. */
    @Transactional
    public Accompaniment open(Opening opening) {
        KnownBeneficiary beneficiary = beneficiaries.lockForWrite(opening.beneficiaryId(), opening.structureId());
        Diagnostic diagnostic = diagnostics.findByIdOptional(opening.diagnosticId())
                .filter(d -> d.structureId().equals(opening.structureId()))
                .orElseThrow(() -> new UnknownReferenceException("diagnosticId", "Diagnostic", opening.diagnosticId()));
        if (!diagnostic.beneficiaryId().equals(opening.beneficiaryId())) {
            throw new InvalidFieldException("diagnosticId", "was made for another beneficiary");
        }
        accompaniments.find("beneficiaryId = ?1 and closedOn is null", opening.beneficiaryId()).firstResultOptional()
                .ifPresent(current -> {
                    throw new IllegalTransition("beneficiaryId", "the beneficiary already has an open CEP accompaniment ("
                            + current.id() + "); close it or change its level");
                });
        UUID referent = opening.referentCounsellorId() != null ? opening.referentCounsellorId()
                : beneficiary.referentCounsellorId();
        if (referent == null) {
            throw new InvalidFieldException("referentCounsellorId", "is required: the beneficiary has no referent counsellor");
        }
        Accompaniment accompaniment = Accompaniment.open(UUID.randomUUID(), diagnostic, referent, opening.level(),
                opening.startDate(), clock.instant(), opening.recordedBy());
        accompaniments.persist(accompaniment);
        outbox.record(new AccompanimentOpened(accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), accompaniment.referentCounsellorId(), accompaniment.diagnosticId(),
                accompaniment.level(), accompaniment.capEmploiService(), accompaniment.workAxis(),
                accompaniment.startDate()), BusinessDay.startOf(accompaniment.startDate()));
        return loaded(accompaniment);
    }

    @Transactional
    public Accompaniment get(UUID id, UUID structureId) {
        return loaded(find(id, structureId, LockModeType.NONE));
    }

    @Transactional
    public Page<Accompaniment> list(UUID structureId, UUID beneficiaryId, Boolean open, int page, int size) {
        Conditions conditions = new Conditions().and("structureId = :structure", "structure", structureId)
                .andIfGiven("beneficiaryId = :beneficiary", "beneficiary", beneficiaryId);
        if (open != null) {
            conditions.and(open ? "closedOn is null" : "closedOn is not null");
        }
        var query = accompaniments.find(conditions.query(), Sort.descending("startDate").and("recordedAt",
                Sort.Direction.Descending), conditions.parameters());
        List<Accompaniment> items = query.page(page, size).list();
        return new Page<>(items, query.count(), page, size);
    }

    @Transactional
    public Accompaniment changeLevel(UUID id, UUID structureId, int level, LocalDate changedOn) {
        Accompaniment accompaniment = forChange(id, structureId);
        LevelChange change = accompaniment.changeLevel(level, changedOn, clock.instant());
        outbox.record(new AccompanimentLevelChanged(accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), accompaniment.referentCounsellorId(), change.fromLevel(), change.toLevel(),
                accompaniment.capEmploiService(), change.changedOn()), BusinessDay.startOf(change.changedOn()));
        return loaded(accompaniment);
    }

    @Transactional
    public Accompaniment giveCepInformation(UUID id, UUID structureId, LocalDate informedOn, UUID counsellorId) {
        Accompaniment accompaniment = forChange(id, structureId);
        UUID counsellor = counsellorId != null ? counsellorId : accompaniment.referentCounsellorId();
        accompaniment.giveCepInformation(informedOn, counsellor);
        outbox.record(new CepInformationGiven(accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), counsellor, informedOn), BusinessDay.startOf(informedOn));
        return loaded(accompaniment);
    }

    @Transactional
    public Interview holdInterview(UUID id, UUID structureId, LocalDate heldOn, int durationMinutes, InterviewMode mode,
            UUID counsellorId) {
        Accompaniment accompaniment = forChange(id, structureId);
        UUID counsellor = counsellorId != null ? counsellorId : accompaniment.referentCounsellorId();
        Interview interview = accompaniment.holdInterview(heldOn, durationMinutes, mode, counsellor, clock.instant());
        outbox.record(new InterviewHeld(interview.id(), accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), counsellor, heldOn, durationMinutes, mode, interview.cepLevel()),
                BusinessDay.startOf(heldOn));
        return interview;
    }

    @Transactional
    public PlannedAction planAction(UUID id, UUID structureId, ActionSpec spec) {
        Accompaniment accompaniment = forChange(id, structureId);
        PlannedAction action = accompaniment.planAction(spec, clock.instant());
        outbox.record(new ActionPlanned(action.id(), accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), action.counsellorId(), action.kind(), action.plannedOn(),
                action.startDate(), action.endDate(), action.pmsmpPurpose(), action.renewalOf(),
                action.alternanceContract(), action.cpfTrainingProjectId()), BusinessDay.startOf(action.plannedOn()));
        return action;
    }

    @Transactional
    public PlannedAction action(UUID id, UUID structureId, UUID actionId) {
        return find(id, structureId, LockModeType.NONE).action(actionId);
    }

    public enum Settlement { DONE, CANCELLED }

    @Transactional
    public PlannedAction settleAction(UUID id, UUID structureId, UUID actionId, Settlement settlement, LocalDate on) {
        Accompaniment accompaniment = forChange(id, structureId);
        if (settlement == Settlement.DONE) {
            PlannedAction action = accompaniment.completeAction(actionId, on);
            outbox.record(new ActionCompleted(action.id(), accompaniment.id(), accompaniment.beneficiaryId(),
                    accompaniment.structureId(), action.kind(), action.pmsmpPurpose(), action.alternanceContract(), on),
                    BusinessDay.startOf(on));
            return action;
        }
        PlannedAction action = accompaniment.cancelAction(actionId, on);
        outbox.record(new ActionCancelled(action.id(), accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), action.kind(), on), BusinessDay.startOf(on));
        return action;
    }

    @Transactional
    public Accompaniment issueSynthesis(UUID id, UUID structureId, LocalDate issuedOn, UUID counsellorId, String project,
            String strategy) {
        Accompaniment accompaniment = forChange(id, structureId);
        UUID counsellor = counsellorId != null ? counsellorId : accompaniment.referentCounsellorId();
        int revision = accompaniment.issueSynthesis(issuedOn, counsellor, project, strategy);
        outbox.record(new SynthesisIssued(accompaniment.id(), accompaniment.beneficiaryId(), accompaniment.structureId(),
                counsellor, issuedOn, revision), BusinessDay.startOf(issuedOn));
        return loaded(accompaniment);
    }

    @Transactional
    public Accompaniment close(UUID id, UUID structureId, LocalDate closedOn, Outcome outcome) {
        Accompaniment accompaniment = forChange(id, structureId);
        accompaniment.close(closedOn, outcome);
        outbox.record(new AccompanimentClosed(accompaniment.id(), accompaniment.beneficiaryId(),
                accompaniment.structureId(), accompaniment.referentCounsellorId(), accompaniment.level(),
                accompaniment.capEmploiService(), closedOn, outcome, Accompaniment.decisionTaken(outcome)),
                BusinessDay.startOf(closedOn));
        return loaded(accompaniment);
    }

    /**
     * Locked for the transaction: concurrent changes to one accompaniment (two renewals, two closures) queue up.
     * Every change is about the person too, so none is accepted once their erasure is known.
     */
    private Accompaniment forChange(UUID id, UUID structureId) {
        Accompaniment accompaniment = find(id, structureId, LockModeType.PESSIMISTIC_WRITE);
        beneficiaries.requireNotErased(accompaniment.beneficiaryId());
        return accompaniment;
    }

    private Accompaniment find(UUID id, UUID structureId, LockModeType lock) {
        return StructureRecords.requireIn(structureId, accompaniments.findByIdOptional(id, lock),
                Accompaniment::structureId, "Accompaniment", id);
    }

    private static Accompaniment loaded(Accompaniment accompaniment) {
        accompaniment.levelChanges().size();
        accompaniment.interviews().size();
        accompaniment.actions().size();
        return accompaniment;
    }
}
