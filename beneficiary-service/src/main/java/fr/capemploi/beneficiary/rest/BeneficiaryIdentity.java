package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The identity a document about the person shows (the CEP's dossier de synthèse): the least of the record that names
 * them. Nothing else of the record travels with it: no NIR, contact, BOE ground or situation.
 */
@Schema(name = "BeneficiaryIdentity")
public record BeneficiaryIdentity(
        UUID id,
        UUID structureId,
        @Schema(examples = "FEMALE", description = "Gives the civility a document prints (Madame, Monsieur)") Sex sex,
        @Schema(maxLength = 200, examples = "Martin") String lastName,
        @Schema(maxLength = 200, examples = "Hélène") String firstName,
        @Schema(examples = "1974-02-11") LocalDate birthDate) {

    static BeneficiaryIdentity of(Beneficiary b) {
        return new BeneficiaryIdentity(b.id(), b.structureId(), b.sex(), b.lastName(), b.firstName(), b.birthDate());
    }
}
