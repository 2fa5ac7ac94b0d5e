package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.domain.OpeningStep;
import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the CPF account steps. */
final class AccountRequests {

    private AccountRequests() {
    }

    @Schema(name = "CpfPresentationRequest")
    record Presentation(
            @NotNull @PastOrPresent @Schema(examples = "2016-05-02") LocalDate presentedOn,
            UUID counsellorId) {
    }

    @Schema(name = "CpfOpeningRequest", description = "The counsellor helped to open the account (ASSISTED) or found it "
            + "already open (ALREADY_OPEN)")
    record Opening(
            @NotNull @Schema(examples = "ASSISTED") OpeningStep step,
            @NotNull @PastOrPresent @Schema(examples = "2016-05-02") LocalDate on,
            UUID counsellorId) {
    }

    @Schema(name = "CpfConsentRequest")
    record Consent(
            @NotNull @PastOrPresent @Schema(examples = "2016-05-17") LocalDate givenOn,
            @NotNull @Schema(examples = "SIGNED_STANDARD_LETTER") ConsentModality modality,
            UUID counsellorId) {
    }

    @Schema(name = "CpfConsentWithdrawalRequest")
    record Withdrawal(
            @NotNull @PastOrPresent @Schema(examples = "2016-09-01") LocalDate withdrawnOn,
            UUID counsellorId) {
    }

    @Schema(name = "CpfBalanceRequest", description = "HOURS for a balance read before 1 January 2019, EUROS from then on")
    record Balance(
            @NotNull @Schema(examples = "EUROS") BalanceUnit unit,
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2)
            @Schema(examples = "1440.00", description = "Hours or euros, at most two decimals") BigDecimal amount,
            @NotNull @PastOrPresent @Schema(examples = "2019-05-02") LocalDate asOf,
            UUID counsellorId) {
    }
}
