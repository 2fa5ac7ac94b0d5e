package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.BeneficiaryProfile;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@ChronologicalProfile
@Schema(name = "BeneficiaryRequest", description = "A person entering a structure's accompaniment, registered by its "
        + "counsellors or referred by a partner")
public record BeneficiaryRequest(
        @Schema(description = "The structure the person enters. Counsellors and managers may omit it (their own); "
                + "partners must name it", examples = "6a1d3f0e-6c1b-4b59-9a51-1d1f6f4f2a01") UUID structureId,
        @NotBlank @Size(max = 100) @Schema(examples = "Martin") String lastName,
        @NotBlank @Size(max = 100) @Schema(examples = "Hélène") String firstName,
        @NotNull @Past @Schema(examples = "1974-02-11") LocalDate birthDate,
        @NotNull @Schema(examples = "FEMALE") Sex sex,
        @Size(max = 30) @ValidNir @Schema(description = "Social security number: 13 characters (2A/2B for Corsica) and the 2-digit "
                + "key; spaces allowed. Stored encrypted", examples = "274027512345629") String nir,
        @Size(max = 11) @Pattern(regexp = "^[0-9]{7}[0-9A-Z]{1,4}$", message = "must be 7 digits followed by 1 to 4 digits or capital letters")
        @Schema(description = "France Travail (ex-Pôle emploi) job-seeker identifier", examples = "1234567A")
        String franceTravailId,
        @Valid ContactDetails contact,
        @NotNull @Schema(examples = "JOB_SEEKER") StatusAtEntry statusAtEntry,
        @Valid @Schema(description = "Absent when the person has no BOE status") BoeRecognitionDetails boeRecognition,
        @Schema(examples = "LEVEL_3") QualificationLevel qualificationLevel,
        @Min(0) @Max(600) @Schema(examples = "14", description = "Months without work before entry") Integer inactivityMonths,
        @NotNull @Schema(examples = "POLE_EMPLOI") OrientationSource orientationSource,
        @NotNull @PastOrPresent @Schema(examples = "2016-02-15", description = "Day of entry; required: it dates the fact in the indicators (never filled in with today)")
        LocalDate entryDate,
        @Schema(description = "Referent counsellor, of the same structure and active; not for partners")
        UUID referentCounsellorId) implements ChronologicalProfile.Dated {

    BeneficiaryProfile toProfile() {
        return new BeneficiaryProfile(lastName.strip(), firstName.strip(), birthDate, sex,
                nir == null ? null : Nir.parse(nir), franceTravailId, contact == null ? null : contact.toContact(),
                statusAtEntry, boeRecognition == null ? null : boeRecognition.toRecognition(), qualificationLevel,
                inactivityMonths, orientationSource, entryDate);
    }
}
