package fr.capemploi.beneficiary.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.capemploi.beneficiary.domain.Consent;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Consent")
public record ConsentResponse(
        UUID id,
        UUID beneficiaryId,
        ConsentScope scope,
        LocalDate givenOn,
        ConsentModality modality,
        boolean inForce,
        LocalDate withdrawnOn,
        ConsentModality withdrawalModality) {

    static ConsentResponse of(Consent consent) {
        return new ConsentResponse(consent.id(), consent.beneficiaryId(), consent.scope(), consent.givenOn(),
                consent.modality(), consent.active(), consent.withdrawnOn(), consent.withdrawalModality());
    }
}
