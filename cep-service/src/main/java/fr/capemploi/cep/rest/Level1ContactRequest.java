package fr.capemploi.cep.rest;

import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A level-1 contact; it carries no personal data field at all, so an anonymous person stays anonymous. */
@Schema(name = "Level1ContactRequest")
public record Level1ContactRequest(
        @NotNull @PastOrPresent @Schema(examples = "2016-03-14") LocalDate contactDate,
        @NotNull @Schema(examples = "PHONE") ContactChannel channel,
        @NotNull @Schema(examples = "CPF_INFORMATION") Level1Request request,
        @Schema(description = "A beneficiary registered in the caller's structure; absent for an anonymous person. "
                + "An id not known yet is waited for a few seconds (its registration may still be on its way), then "
                + "refused with 404 naming beneficiaryId") UUID beneficiaryId,
        @Schema(description = "The counsellor who took the contact (indicator 3)") UUID counsellorId,
        @Schema(description = "The CEP operator the person was routed to, if any; required when a fiche de liaison "
                + "was issued", examples = "OPACIF") CepOperator routedTo,
        @Schema(examples = "true") boolean liaisonSheetIssued) {
}
