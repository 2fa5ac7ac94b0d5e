package fr.capemploi.beneficiary.rest;

import fr.capemploi.platform.rest.ExampleIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferentRequest")
public record ReferentRequest(
        @NotNull @Schema(examples = ExampleIds.COUNSELLOR) UUID counsellorId,
        @NotNull @PastOrPresent @Schema(examples = "2016-10-03", description = "First day as referent; required: it dates the fact in the indicators (never filled in with today)")
        LocalDate assignedOn) {
}
