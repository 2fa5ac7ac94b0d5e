package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.Accompaniment;
import fr.capemploi.cep.domain.ActionStatus;
import fr.capemploi.cep.domain.Interview;
import fr.capemploi.cep.domain.PlannedAction;
import fr.capemploi.cep.domain.ServiceCorrespondence;
import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The representations of an accompaniment and its sub-resources. */
public final class AccompanimentResponses {

    private AccompanimentResponses() {
    }

    public enum Status { OPEN, CLOSED }

    @Schema(name = "Accompaniment")
    public record Full(UUID id, UUID structureId, UUID beneficiaryId, UUID diagnosticId, UUID referentCounsellorId,
            @Schema(description = "Current CEP level, 2 or 3") int level, CapEmploiService capEmploiService,
            LocalDate startDate, Status status,
            @Schema(description = "The rule applied when the accompaniment was opened")
            ServiceCorrespondenceResponse serviceCorrespondence,
            CepInformation cepInformation, @Schema(maxItems = 100) List<LevelStep> levelChanges,
                    @Schema(maxItems = 1000) List<InterviewView> interviews,
            @Schema(maxItems = 1000) List<ActionView> actions, SynthesisView synthesis, Closure closure) {

        static Full of(Accompaniment a) {
            return new Full(a.id(), a.structureId(), a.beneficiaryId(), a.diagnosticId(), a.referentCounsellorId(),
                    a.level(), a.capEmploiService(), a.startDate(), a.open() ? Status.OPEN : Status.CLOSED,
                    ServiceCorrespondenceResponse.of(ServiceCorrespondence.of(a.workAxis())),
                    a.cepInformedOn() == null ? null : new CepInformation(a.cepInformedOn(), a.cepInformedBy()),
                    a.levelChanges().stream().map(c -> new LevelStep(c.changedOn(), c.fromLevel(), c.toLevel())).toList(),
                    a.interviews().stream().map(InterviewView::of).toList(),
                    a.actions().stream().map(ActionView::of).toList(),
                    a.synthesisIssuedOn() == null ? null : new SynthesisView(a.synthesisIssuedOn(), a.synthesisRevision(),
                            a.synthesisCounsellorId(), a.synthesisProject(), a.synthesisStrategy(),
                            "/api/v1/cep/accompaniments/" + a.id() + "/synthesis-document"),
                    a.open() ? null : new Closure(a.closedOn(), a.outcome(), Accompaniment.decisionTaken(a.outcome())));
        }
    }

    @Schema(name = "AccompanimentSummary")
    public record Summary(UUID id, UUID beneficiaryId, UUID referentCounsellorId, int level,
            CapEmploiService capEmploiService, LocalDate startDate, Status status, LocalDate closedOn,
                    Outcome outcome) {

        static Summary of(Accompaniment a) {
            return new Summary(a.id(), a.beneficiaryId(), a.referentCounsellorId(), a.level(), a.capEmploiService(),
                    a.startDate(), a.open() ? Status.OPEN : Status.CLOSED, a.closedOn(), a.outcome());
        }
    }

    @Schema(name = "CepInformation")
    public record CepInformation(LocalDate informedOn, UUID counsellorId) {
    }

    @Schema(name = "LevelChange")
    public record LevelStep(LocalDate changedOn, int fromLevel, int toLevel) {
    }

    @Schema(name = "Interview")
    public record InterviewView(UUID id, LocalDate heldOn, int durationMinutes, InterviewMode mode, UUID counsellorId,
            @Schema(description = "The accompaniment's level that day") int cepLevel) {

        static InterviewView of(Interview i) {
            return new InterviewView(i.id(), i.heldOn(), i.durationMinutes(), i.mode(), i.counsellorId(), i.cepLevel());
        }
    }

    @Schema(name = "Action")
    public record ActionView(UUID id, ActionKind kind, @Schema(maxLength = 300) String label, UUID counsellorId,
            LocalDate plannedOn,
            LocalDate startDate, LocalDate endDate, PmsmpPurpose pmsmpPurpose, @Schema(maxLength = 200) String hostName,
                    @Schema(maxLength = 14) String hostSiret,
            UUID renewalOf, AlternanceContract alternanceContract, UUID cpfTrainingProjectId, ActionStatus status,
            @Schema(description = "Day it was done or cancelled") LocalDate statusOn) {

        static ActionView of(PlannedAction a) {
            return new ActionView(a.id(), a.kind(), a.label(), a.counsellorId(), a.plannedOn(), a.startDate(),
                    a.endDate(), a.pmsmpPurpose(), a.hostName(), a.hostSiret(), a.renewalOf(), a.alternanceContract(),
                    a.cpfTrainingProjectId(), a.status(), a.statusOn());
        }
    }

    @Schema(name = "Synthesis")
    public record SynthesisView(LocalDate issuedOn, int revision, UUID counsellorId,
            @Schema(maxLength = 4000) String project, @Schema(maxLength = 4000) String strategy,
            @Schema(maxLength = 2048, description = "The dossier de synthèse, as PDF or JSON") String document) {
    }

    @Schema(name = "Closure")
    public record Closure(LocalDate closedOn, Outcome outcome,
            @Schema(description = "A CEP succeeds when the person took a decision") boolean decisionTaken) {
    }
}
