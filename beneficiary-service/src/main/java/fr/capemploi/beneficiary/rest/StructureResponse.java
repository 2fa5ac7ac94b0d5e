package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.Structure;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Structure")
public record StructureResponse(
        UUID id,
        @Schema(maxLength = 20, examples = "075") String code,
        @Schema(maxLength = 200, examples = "Cap emploi Paris") String name,
        @Schema(maxLength = 2, examples = "11") String region,
        @Schema(maxLength = 200, examples = "Île-de-France") String regionName,
        @Schema(maxLength = 3, examples = "75") String department,
        LocalDate registeredOn) {

    static StructureResponse of(Structure structure) {
        return new StructureResponse(structure.id(), structure.code(), structure.name(),
                structure.region().inseeCode(), structure.region().label(), structure.department(),
                structure.registeredOn());
    }
}
