package fr.capemploi.cep.rest;

import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Level1ContactRequest")
public record Level1ContactRequest(
        @NotNull @PastOrPresent @Schema(examples = "2016-03-14") LocalDate contactDate,
        @NotNull @Schema(examples = "PHONE") ContactChannel channel,
        @NotNull @Schema(examples = "CPF_INFORMATION") Level1Request request,
        @Schema(description = "Absent for an anonymous person") UUID beneficiaryId,
        UUID counsellorId,
        @Schema(examples = "true") boolean liaisonSheetIssued) {
}
