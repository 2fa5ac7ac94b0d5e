package fr.capemploi.beneficiary.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferentRequest")
public record ReferentRequest(
        @NotNull @Schema(examples = "5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21") UUID counsellorId,
        @NotNull @PastOrPresent @Schema(examples = "2016-10-03", description = "First day as referent; required: it dates the fact in the indicators (never filled in with today)")
        LocalDate assignedOn) {
}
