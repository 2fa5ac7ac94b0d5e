package fr.capemploi.beneficiary.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.BeneficiaryState;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of a list or search: enough to pick the person, never the NIR, contact or BOE details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BeneficiarySummary")
public record BeneficiarySummary(
        UUID id,
        UUID structureId,
        BeneficiaryState state,
        @Schema(maxLength = 200, examples = "Martin") String lastName,
        @Schema(maxLength = 200, examples = "Hélène") String firstName,
        @Schema(examples = "1974-02-11") LocalDate birthDate,
        LocalDate entryDate,
        StatusAtEntry statusAtEntry,
        OrientationSource orientationSource,
        UUID referentCounsellorId,
        LocalDate exitDate) {

    static BeneficiarySummary of(Beneficiary b) {
        return new BeneficiarySummary(b.id(), b.structureId(), b.state(), b.lastName(), b.firstName(), b.birthDate(),
                b.entryDate(), b.statusAtEntry(), b.orientationSource(), b.referentCounsellorId(), b.exitDate());
    }
}
