package fr.capemploi.cep.service;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who appears on a document: the structure by its name when the directory announced it, else by its id. */
public final class DocumentParties {

    private DocumentParties() {
    }

    @Schema(name = "DocumentStructure")
    public record Structure(UUID id, String code, String name) {
        public String display() {
            return name == null ? "Structure " + id : name + " (" + code + ")";
        }
    }

    @Schema(name = "DocumentCounsellor")
    public record Counsellor(UUID id, String displayName) {
        public String display() {
            if (id == null) {
                return "Non renseigné";
            }
            return displayName == null ? "Conseiller n° " + id : displayName;
        }
    }
}
