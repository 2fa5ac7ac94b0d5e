package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.Counsellor;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Counsellor")
public record CounsellorResponse(
        UUID id,
        UUID structureId,
        @Schema(maxLength = 200, examples = "Claire Dupont") String displayName,
        LocalDate activeFrom,
        LocalDate activeUntil,
        @Schema(description = "Active today") boolean active,
        long version) {

    static CounsellorResponse of(Counsellor counsellor, LocalDate today) {
        return new CounsellorResponse(counsellor.id(), counsellor.structureId(), counsellor.displayName(),
                counsellor.activeFrom(), counsellor.activeUntil(), counsellor.activeOn(today), counsellor.version());
    }
}
