package fr.capemploi.cep.service;

import jakarta.validation.constraints.Size;

import fr.capemploi.cep.domain.ActionStatus;
import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The dossier de synthèse given to the person: the project, the strategy, the action plan and, once the
 * accompaniment is closed, the decision taken. Codes come with their French labels, as printed. The person, the
 * structure and the counsellors are named as beneficiary-service names them at the time of the request.
 */
@Schema(name = "SynthesisDossier")
public record SynthesisDossier(
        UUID accompanimentId,
        UUID beneficiaryId,
        DocumentParties.Person beneficiary,
        DocumentParties.Structure structure,
        DocumentParties.Counsellor referentCounsellor,
        int level,
        @Schema(maxLength = 300) String levelLabel,
        CapEmploiService capEmploiService,
        @Schema(maxLength = 300) String capEmploiServiceLabel,
        LocalDate startDate,
        Diagnosis diagnostic,
        LocalDate cepInformedOn,
        Synthesis synthesis,
        @Schema(maxItems = 100) List<LevelStep> levelChanges,
        Interviews interviews,
        @Schema(maxItems = 1000) List<ActionLine> actionPlan,
        Decision decision) {

    /** The same dossier with its parties as beneficiary-service names them. */
    SynthesisDossier named(DocumentParties.Person person, DocumentParties.Structure namedStructure,
            DocumentParties.Counsellor referent, DocumentParties.Counsellor author) {
        return new SynthesisDossier(accompanimentId, beneficiaryId, person, namedStructure, referent, level, levelLabel,
                capEmploiService, capEmploiServiceLabel, startDate, diagnostic, cepInformedOn,
                new Synthesis(synthesis.issuedOn(), synthesis.revision(), author, synthesis.project(),
                        synthesis.strategy()),
                levelChanges, interviews, actionPlan, decision);
    }

    @Schema(name = "DossierDiagnosis")
    public record Diagnosis(LocalDate diagnosedOn, WorkAxis workAxis, @Schema(maxLength = 300) String workAxisLabel,
            @Schema(maxItems = 20) List<@Size(max = 300) String> barriers) {
    }

    @Schema(name = "DossierSynthesis")
    public record Synthesis(LocalDate issuedOn, int revision, DocumentParties.Counsellor counsellor,
            @Schema(maxLength = 4000) String project,
            @Schema(maxLength = 4000) String strategy) {
    }

    @Schema(name = "DossierLevelStep")
    public record LevelStep(LocalDate changedOn, int fromLevel, int toLevel) {
    }

    @Schema(name = "DossierInterviews")
    public record Interviews(int count, int totalMinutes, LocalDate lastHeldOn) {
    }

    @Schema(name = "DossierActionLine")
    public record ActionLine(UUID actionId, ActionKind kind, @Schema(maxLength = 300) String kindLabel,
            @Schema(maxLength = 300) String label, ActionStatus status,
            @Schema(maxLength = 300) String statusLabel, LocalDate plannedOn, LocalDate startDate, LocalDate endDate,
                    LocalDate statusOn,
            @Schema(maxLength = 4000) String details) {
    }

    /** Absent while the accompaniment is open. */
    @Schema(name = "DossierDecision")
    public record Decision(LocalDate closedOn, Outcome outcome, @Schema(maxLength = 300) String outcomeLabel,
            boolean decisionTaken) {
    }
}
