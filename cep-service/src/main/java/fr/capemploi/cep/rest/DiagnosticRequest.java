package fr.capemploi.cep.rest;

import fr.capemploi.platform.rest.ExampleIds;
import jakarta.validation.constraints.Size;

import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DiagnosticRequest", description = "The entry diagnostic of a registered beneficiary")
public record DiagnosticRequest(
        @NotNull @Schema(examples = ExampleIds.BENEFICIARY) UUID beneficiaryId,
        @NotNull @PastOrPresent @Schema(examples = "2016-02-22") LocalDate diagnosedOn,
        @NotNull @Schema(description = "The work axis decided with the person; it decides the service correspondence",
                examples = "TRAINING_PROJECT") WorkAxis workAxis,
        @Size(max = 20) @NotNull @Schema(description = "Categories of barriers found (may be empty); never the disability itself")
        List<@NotNull Barrier> barriers,
        @Schema(description = "The counsellor who made the diagnostic") UUID counsellorId) {
}
