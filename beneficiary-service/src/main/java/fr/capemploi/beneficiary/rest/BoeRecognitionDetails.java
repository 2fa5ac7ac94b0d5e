package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.BoeRecognition;
import fr.capemploi.beneficiary.domain.BoeType;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@ValidityPeriod
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@Schema(name = "BoeRecognition", description = "The ground and validity of the obligation d'emploi status. Health "
        + "data (GDPR art. 9): shown to the structure's counsellors only, published as BOE yes/no.")
public record BoeRecognitionDetails(
        @NotNull @Schema(examples = "RQTH") BoeType type,
        @Schema(examples = "2015-06-01") LocalDate validFrom,
        @Schema(examples = "2020-05-31", description = "Absent when granted for life") LocalDate validUntil) {

    BoeRecognition toRecognition() {
        return new BoeRecognition(type, validFrom, validUntil);
    }

    static BoeRecognitionDetails of(BoeRecognition recognition) {
        return recognition == null ? null
                : new BoeRecognitionDetails(recognition.type(), recognition.validFrom(), recognition.validUntil());
    }
}
