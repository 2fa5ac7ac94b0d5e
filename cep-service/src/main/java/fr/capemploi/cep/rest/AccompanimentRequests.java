package fr.capemploi.cep.rest;

import fr.capemploi.platform.rest.ExampleIds;
import fr.capemploi.cep.service.Accompaniments.Settlement;
import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.AccompanimentLevels;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the accompaniment operations. */
public final class AccompanimentRequests {

    private AccompanimentRequests() {
    }

    @Schema(name = "OpenAccompanimentRequest")
    public record Open(
            @NotNull @Schema(examples = ExampleIds.BENEFICIARY) UUID beneficiaryId,
            @NotNull @Schema(description = "The entry diagnostic of the same beneficiary; its work axis must "
                    + "correspond to a CEP service", examples = Examples.DIAGNOSTIC) UUID diagnosticId,
            @Schema(description = "Defaults to the beneficiary's referent in the registry",
                    examples = ExampleIds.COUNSELLOR) UUID referentCounsellorId,
            @NotNull @PastOrPresent @Schema(examples = "2016-02-29") LocalDate startDate,
            @Min(AccompanimentLevels.LOWEST) @Max(AccompanimentLevels.HIGHEST)
            @Schema(description = "2 or 3; defaults to the level of the service correspondence")
            Integer level) {
    }

    @Schema(name = "LevelChangeRequest")
    public record LevelChange(
            @NotNull @Min(1) @Schema(description = "2 or 3; 1 and 4+ are refused with 409", examples = "3") Integer level,
            @NotNull @PastOrPresent @Schema(examples = "2016-04-11") LocalDate changedOn) {
    }

    @Schema(name = "CepInformationRequest")
    public record CepInformation(
            @NotNull @PastOrPresent @Schema(examples = "2016-02-29") LocalDate informedOn,
            @Schema(description = "Defaults to the counsellor of the token (claim counsellor_id), else the "
                    + "referent counsellor") UUID counsellorId) {
    }

    @Schema(name = "InterviewRequest")
    public record NewInterview(
            @NotNull @PastOrPresent @Schema(examples = "2016-03-07") LocalDate heldOn,
            @NotNull @Min(1) @Max(480) @Schema(examples = "60") Integer durationMinutes,
            @NotNull @Schema(examples = "ON_SITE") InterviewMode mode,
            @Schema(description = "Defaults to the counsellor of the token (claim counsellor_id), else the "
                    + "referent counsellor") UUID counsellorId) {
    }

    @Schema(name = "ActionRequest", description = "An action-plan item. PMSMP: pmsmpPurpose, startDate and endDate "
            + "required, at most one month, renewable once (renewalOf names the PMSMP renewed). ALTERNANCE: "
            + "alternanceContract required. TRAINING: cpfTrainingProjectId required. A field of another kind is refused.")
    public record NewAction(
            @NotNull @Schema(examples = "PMSMP") ActionKind kind,
            @Size(max = 200) @Schema(description = "Short wording printed in the dossier de synthèse",
                    examples = "Découverte du métier de préparateur de commandes") String label,
            @NotNull @PastOrPresent @Schema(description = "Day the action was prescribed", examples = "2016-03-07")
            LocalDate plannedOn,
            @Schema(examples = "2016-03-14") LocalDate startDate,
            @Schema(examples = "2016-04-08") LocalDate endDate,
            @Schema(examples = "DISCOVER_JOB") PmsmpPurpose pmsmpPurpose,
            @Size(max = 200) @Schema(description = "PMSMP host company", examples = "Logistique du Val SARL")
            String hostName,
            @Size(max = 14) @Pattern(regexp = "\\d{14}", message = "must be the 14 digits of a SIRET") @Schema(examples = "73282932000074")
            String hostSiret,
            @Schema(description = "For a PMSMP renewal: the PMSMP renewed") UUID renewalOf,
            @Schema(examples = "PROFESSIONALISATION") AlternanceContract alternanceContract,
            @Schema(description = "The training project of the cpf-service") UUID cpfTrainingProjectId,
            @Schema(description = "Defaults to the counsellor of the token (claim counsellor_id), else the "
                    + "referent counsellor") UUID counsellorId) {
    }

    @Schema(name = "ActionStatusRequest")
    public record ActionStatus(
            @NotNull @Schema(description = "DONE or CANCELLED; only a PLANNED action changes", examples = "DONE")
            Settlement status,
            @NotNull @PastOrPresent @Schema(examples = "2016-04-08") LocalDate effectiveOn) {
    }

    @Schema(name = "SynthesisRequest")
    public record Synthesis(
            @NotNull @PastOrPresent @Schema(examples = "2016-05-17") LocalDate issuedOn,
            @NotBlank @Size(max = 1000) @Schema(description = "The projet d'évolution professionnelle, as written in "
                    + "the dossier de synthèse",
                            examples = "Devenir préparateur de commandes en logistique") String project,
            @Size(max = 4000) @Schema(examples = "Valider le projet par une PMSMP puis entrer en formation qualifiante")
            String strategy,
            @Schema(description = "Defaults to the counsellor of the token (claim counsellor_id), else the "
                    + "referent counsellor") UUID counsellorId) {
    }

    @Schema(name = "CloseRequest")
    public record Close(
            @NotNull @PastOrPresent @Schema(examples = "2016-06-20") LocalDate closedOn,
            @NotNull @Schema(description = "The decision the person took; NONE_OR_ABANDON means no decision",
                    examples = "START_TRAINING") Outcome outcome) {
    }
}
