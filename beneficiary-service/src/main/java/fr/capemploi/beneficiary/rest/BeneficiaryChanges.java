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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The editable profile, as a JSON merge patch (RFC 7396) applies to it: the patch is merged onto the current values
 * and the result must pass the same rules as a registration. The structure and the referent are not here (a
 * referent changes through {@code PUT /referent}); sending them is an unknown field.
 */
@ChronologicalProfile
@Schema(name = "BeneficiaryChanges", description = "JSON merge patch of a beneficiary's profile: send only the fields "
        + "that change; null removes an optional field")
public record BeneficiaryChanges(
        @NotBlank @Size(max = 100) @Schema(examples = "Martin-Durand") String lastName,
        @NotBlank @Size(max = 100) String firstName,
        @NotNull @Past LocalDate birthDate,
        @NotNull Sex sex,
        @Size(max = 30) @ValidNir String nir,
        @Size(max = 11) @Pattern(regexp = "^[0-9]{7}[0-9A-Z]{1,4}$", message = "must be 7 digits followed by 1 to 4 digits or capital letters")
        String franceTravailId,
        @Valid ContactDetails contact,
        @NotNull StatusAtEntry statusAtEntry,
        @Valid BoeRecognitionDetails boeRecognition,
        @Schema(examples = "LEVEL_4") QualificationLevel qualificationLevel,
        @Min(0) @Max(600) Integer inactivityMonths,
        @NotNull OrientationSource orientationSource,
        @NotNull @PastOrPresent LocalDate entryDate) implements ChronologicalProfile.Dated {

    static BeneficiaryChanges of(BeneficiaryProfile profile) {
        return new BeneficiaryChanges(profile.lastName(), profile.firstName(), profile.birthDate(), profile.sex(),
                profile.nir() == null ? null : profile.nir().value(), profile.franceTravailId(),
                ContactDetails.of(profile.contact()), profile.statusAtEntry(),
                BoeRecognitionDetails.of(profile.boeRecognition()), profile.qualificationLevel(),
                profile.inactivityMonths(), profile.orientationSource(), profile.entryDate());
    }

    BeneficiaryProfile toProfile() {
        return new BeneficiaryProfile(lastName.strip(), firstName.strip(), birthDate, sex,
                nir == null ? null : Nir.parse(nir), franceTravailId, contact == null ? null : contact.toContact(),
                statusAtEntry, boeRecognition == null ? null : boeRecognition.toRecognition(), qualificationLevel,
                inactivityMonths, orientationSource, entryDate);
    }
}
