package fr.capemploi.cep.service;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who appears on a document, as beneficiary-service names them at render time. Only the ids are this service's own:
 * the names are read for the one request and never stored here.
 */
public final class DocumentParties {

    private DocumentParties() {
    }

    @Schema(name = "DocumentStructure")
    public record Structure(UUID id, @Schema(maxLength = 20, examples = "075") String code,
            @Schema(maxLength = 200, examples = "Cap emploi Paris") String name,
            @Schema(maxLength = 200, examples = "Île-de-France") String regionName,
            @Schema(maxLength = 3, examples = "75") String department) {

        static Structure unnamed(UUID id) {
            return new Structure(id, null, null, null, null);
        }

        public String display() {
            return code == null ? name : name + " (" + code + ")";
        }
    }

    @Schema(name = "DocumentCounsellor")
    public record Counsellor(UUID id, @Schema(maxLength = 200, examples = "Claire Dupont") String displayName) {

        static Counsellor unnamed(UUID id) {
            return new Counsellor(id, null);
        }

        public String display() {
            return id == null ? "Non renseigné" : displayName;
        }
    }

    /** The person the dossier de synthèse is made for; the fiche de liaison never carries one. */
    @Schema(name = "DocumentPerson")
    public record Person(UUID id, @Schema(maxLength = 16, examples = "Madame") String civility,
            @Schema(maxLength = 200, examples = "Hélène") String firstName,
                    @Schema(maxLength = 200, examples = "Martin") String lastName,
            @Schema(examples = "1974-02-11") LocalDate birthDate) {

        static Person unnamed(UUID id) {
            return new Person(id, null, null, null, null);
        }

        public String display() {
            return (civility == null ? "" : civility + " ") + firstName + " " + lastName;
        }
    }
}
