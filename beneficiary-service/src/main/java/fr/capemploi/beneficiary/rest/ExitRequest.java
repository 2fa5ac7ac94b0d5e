package fr.capemploi.beneficiary.rest;

import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExitRequest")
public record ExitRequest(
        @NotNull @PastOrPresent @Schema(examples = "2017-04-28", description = "Not before the entry date")
        LocalDate exitDate,
        @NotNull @Schema(examples = "SUSTAINABLE_JOB") ExitReason reason) {
}
