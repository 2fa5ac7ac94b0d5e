package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.DeclaredFigures;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The CNEFOP survey figures of one structure for one period. Optional parts are questions left unanswered. */
@Schema(name = "DeclarationRequest")
public record DeclarationRequest(
        @NotNull @Valid CounsellorFte counsellorFte,
        @NotNull @DecimalMin("0") @DecimalMax("5000") @Digits(integer = 4, fraction = 2)
        @Schema(description = "FTE not counselling but supporting the CEP (administration, coordination, experts)",
                examples = "1.4") BigDecimal supportFte,
        @NotNull @Valid Professionalisation professionalisation,
        @NotNull @Schema(description = "Does the training plan train every new CEP counsellor?", examples = "false")
        Boolean systematicTrainingForNewCounsellors,
        @Valid @Schema(description = "CEP-specific training in the period; absent if not answered") CepTraining cepTraining,
        @Valid @Schema(description = "Mutualised or inter-operator CEP training offer; absent if not answered")
        MutualisedOffer mutualisedOffer,
        @Valid @Schema(description = "Answers activity data cannot give; each may be left out") SelfAssessment selfAssessment,
        @Size(max = 2000) @Schema(description = "Free comment for the structure's readers; never published")
        String comment) {

    @Schema(name = "DeclaredCounsellorFte", description = "Counsellor FTE by the CEP levels they work on")
    public record CounsellorFte(
            @NotNull @DecimalMin("0") @DecimalMax("5000") @Digits(integer = 4, fraction = 2) @Schema(examples = "0.5")
            BigDecimal level1Only,
            @NotNull @DecimalMin("0") @DecimalMax("5000") @Digits(integer = 4, fraction = 2) @Schema(examples = "1.8")
            BigDecimal levels2And3Only,
            @NotNull @DecimalMin("0") @DecimalMax("5000") @Digits(integer = 4, fraction = 2) @Schema(examples = "6.25")
            BigDecimal allLevels) {
    }

    @Schema(name = "DeclaredProfessionalisation")
    public record Professionalisation(
            @NotNull @Schema(examples = "true") Boolean actionsEngaged,
            @NotNull @Size(max = 5) List<@NotNull ProfessionalisationAction> actions) {
    }

    @Schema(name = "DeclaredCepTraining")
    public record CepTraining(
            @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 5, fraction = 2) @Schema(examples = "14.5")
            BigDecimal days,
            @NotNull @Min(0) @Max(10000) @Schema(examples = "5") Integer counsellorsTrained) {
    }

    @Schema(name = "DeclaredMutualisedOffer")
    public record MutualisedOffer(
            @NotNull @Schema(examples = "true") Boolean used,
            @NotNull @Size(max = 4) List<@NotNull MutualisedOfferNature> natures) {
    }

    @Schema(name = "DeclaredSelfAssessment")
    public record SelfAssessment(
            @Schema(description = "Level 1 is delivered, traced or not") Boolean level1Delivered,
            @Schema(description = "The eligible trainings fit the needs observed") Boolean trainingsFitNeeds,
            @Schema(description = "Counsellors master the CPF and its co-funding rules") Boolean cpfRulesMastered,
            @Schema(description = "New funders were used") Boolean newFundersUsed,
            @Schema(description = "Tools were developed within the SPRO") Boolean sproToolsDeveloped,
            @Schema(description = "The CHEOPS CEP kit is used to train counsellors internally") Boolean cepKitUsedInternally) {
    }

    DeclaredFigures figures() {
        SelfAssessment answers = selfAssessment == null ? new SelfAssessment(null, null, null, null, null, null)
                : selfAssessment;
        return new DeclaredFigures(counsellorFte.level1Only(), counsellorFte.levels2And3Only(),
                counsellorFte.allLevels(), supportFte, professionalisation.actionsEngaged(),
                professionalisation.actions(), systematicTrainingForNewCounsellors,
                cepTraining == null ? null : cepTraining.days(),
                cepTraining == null ? null : cepTraining.counsellorsTrained(),
                mutualisedOffer == null ? null : mutualisedOffer.used(),
                mutualisedOffer == null ? List.of() : mutualisedOffer.natures(),
                answers.level1Delivered(), answers.trainingsFitNeeds(), answers.cpfRulesMastered(),
                answers.newFundersUsed(), answers.sproToolsDeveloped(), answers.cepKitUsedInternally());
    }
}
