package fr.capemploi.beneficiary.rest;

import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentRequest")
public record ConsentRequest(
        @NotNull @Schema(examples = "HEALTH_DATA_PROCESSING") ConsentScope scope,
        @NotNull @PastOrPresent @Schema(examples = "2016-02-15", description = "Day the consent was given; required: it dates the fact in the indicators (never filled in with today)")
        LocalDate givenOn,
        @NotNull @Schema(examples = "SIGNED_FORM") ConsentModality modality) {
}
