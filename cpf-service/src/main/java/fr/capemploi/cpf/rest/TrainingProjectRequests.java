package fr.capemploi.cpf.rest;

import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingDecided.RefusalReason;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingNotImplemented.Reason;
import fr.capemploi.events.cpf.TrainingProjectCreated.CertificationKind;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the training project operations. Amounts are euros with at most two decimals. */
final class TrainingProjectRequests {

    private TrainingProjectRequests() {
    }

    @Schema(name = "TrainingProjectRequest")
    record Create(
            @NotNull UUID beneficiaryId,
            @Schema(description = "The CEP accompaniment this project belongs to (cep-service)") UUID accompanimentId,
            UUID counsellorId,
            @NotBlank @Size(max = 200) @Schema(examples = "Titre professionnel Secrétaire assistant") String title,
            @NotNull @Valid Certification certification,
            @NotNull @Schema(examples = "COPAREF", description = "COPANEF, COPAREF and BRANCH are the lists of "
                    + "2015-2018; RNCP_RS the eligibility by registration since 2019; NONE not CPF-eligible")
            EligibilityList eligibilityList,
            @Size(max = 2) @Pattern(regexp = "^[0-9]{2}$", message = "must be an INSEE region code of two digits")
            @Schema(examples = "11", description = "Region of the COPAREF list; only with COPAREF") String eligibilityRegion,
            @NotNull @Valid TrainingBody trainingBody,
            @NotNull @Schema(examples = "2016-09-12") LocalDate startDate,
            @NotNull @Schema(examples = "2017-03-31") LocalDate endDate,
            @NotNull @Positive @Max(10000) @Schema(examples = "420") Integer hours,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) @Schema(examples = "4830.50")
            BigDecimal cost) {
    }

    @Schema(name = "Certification")
    record Certification(
            @NotNull @Schema(examples = "RNCP") CertificationKind kind,
            @Size(max = 20) @Pattern(regexp = "^[A-Z0-9-]{1,20}$", message = "must be 1 to 20 capital letters, digits or dashes")
            @Schema(examples = "RNCP1234", description = "RNCP or RS code (RNCP1234, RS5678) or another reference")
            String code) {
    }

    @Schema(name = "TrainingBody")
    record TrainingBody(
            @NotBlank @Size(max = 200) @Schema(examples = "AFPA Paris") String name,
            @Size(max = 14) @Pattern(regexp = "^[0-9]{14}$", message = "must be a SIRET of 14 digits") String siret) {
    }

    @Schema(name = "FundingRequestRequest")
    record Funding(
            @NotNull @Schema(examples = "AGEFIPH") Funder funder,
            @NotNull @DecimalMin(value = "0.01", message = "must be more than 0") @Digits(integer = 7, fraction = 2)
            @Schema(examples = "4470.50") BigDecimal amount,
            @Positive @Max(10000) @Schema(description = "CPF hours requested, for a CPF line before 2019") Integer cpfHours,
            @NotNull @PastOrPresent @Schema(examples = "2016-05-23") LocalDate requestedOn) {
    }

    @Schema(name = "FundingDecisionRequest", description = "GRANTED (of the amount requested), PARTLY_GRANTED (with a "
            + "grantedAmount below it), REFUSED (with a refusalReason) or WITHDRAWN")
    record Decided(
            @NotNull @Schema(examples = "PARTLY_GRANTED") Decision decision,
            @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) @Schema(examples = "3000.00") BigDecimal grantedAmount,
            @Schema(examples = "COST_TOO_HIGH") RefusalReason refusalReason,
            @Size(max = 500) @Schema(description = "The funder's wording, kept for the counsellor, never published")
            String comment,
            @NotNull @PastOrPresent @Schema(examples = "2016-07-04") LocalDate answeredOn) {
    }

    @Schema(name = "TrainingStartRequest")
    record Start(@NotNull @PastOrPresent @Schema(examples = "2016-09-12") LocalDate startedOn) {
    }

    @Schema(name = "TrainingCompletionRequest")
    record Completion(
            @NotNull @PastOrPresent @Schema(examples = "2017-03-31") LocalDate completedOn,
            @Schema(description = "Absent while the result is unknown") Boolean certificationObtained) {
    }

    @Schema(name = "TrainingNotImplementedRequest")
    record NotImplemented(
            @NotNull @PastOrPresent @Schema(examples = "2016-08-30") LocalDate decidedOn,
            @NotNull @Size(min = 1, max = 7) List<@NotNull Reason> reasons) {
    }
}
