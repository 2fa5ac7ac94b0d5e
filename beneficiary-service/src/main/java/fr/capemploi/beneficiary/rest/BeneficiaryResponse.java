package fr.capemploi.beneficiary.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.BeneficiaryState;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One beneficiary as its structure's counsellors see it, NIR included. An erased beneficiary is a tombstone: its
 * personal fields are absent and {@code erased} is true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Beneficiary")
public record BeneficiaryResponse(
        UUID id,
        UUID structureId,
        @Schema(examples = "ACTIVE") BeneficiaryState state,
        boolean erased,
        @Schema(maxLength = 200, examples = "Martin") String lastName,
        @Schema(maxLength = 200, examples = "Hélène") String firstName,
        @Schema(examples = "1974-02-11") LocalDate birthDate,
        @Schema(examples = "1974") int birthYear,
        Sex sex,
        @Schema(maxLength = 15, examples = "274027512345629") String nir,
        @Schema(maxLength = 11, examples = "1234567A") String franceTravailId,
        ContactDetails contact,
        StatusAtEntry statusAtEntry,
        boolean boe,
        BoeRecognitionDetails boeRecognition,
        QualificationLevel qualificationLevel,
        Integer inactivityMonths,
        OrientationSource orientationSource,
        LocalDate entryDate,
        UUID referentCounsellorId,
        LocalDate exitDate,
        ExitReason exitReason,
        LocalDate erasedOn,
        @Schema(description = "Also sent as the ETag header; send it back in If-Match to change the record")
        long version) {

    static BeneficiaryResponse of(Beneficiary b, Nir nir) {
        return new BeneficiaryResponse(b.id(), b.structureId(), b.state(), b.erased(), b.lastName(), b.firstName(),
                b.birthDate(), b.birthYear(), b.sex(), nir == null ? null : nir.value(), b.franceTravailId(),
                ContactDetails.of(b.contact()), b.statusAtEntry(), b.boe(),
                        BoeRecognitionDetails.of(b.boeRecognition()),
                b.qualificationLevel(), b.inactivityMonths(), b.orientationSource(), b.entryDate(),
                b.referentCounsellorId(), b.exitDate(), b.exitReason(), b.erasedOn(), b.version());
    }
}
