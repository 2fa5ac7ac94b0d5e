package fr.capemploi.beneficiary.rest;

import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawalRequest")
public record WithdrawalRequest(
        @NotNull @PastOrPresent @Schema(examples = "2018-11-05", description = "Not before the consent; required: it dates the fact in the indicators (never filled in with today)")
        LocalDate withdrawnOn,
        @NotNull @Schema(examples = "ELECTRONIC") ConsentModality modality) {
}
