package fr.capemploi.beneficiary.rest;

import fr.capemploi.beneficiary.domain.Counsellor;
import fr.capemploi.platform.time.BusinessDay;
import java.time.Clock;
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

    /** {@code active} on the business day of the request. */
    static CounsellorResponse of(Counsellor counsellor, Clock clock) {
        return new CounsellorResponse(counsellor.id(), counsellor.structureId(), counsellor.displayName(),
                counsellor.activeFrom(), counsellor.activeUntil(), counsellor.activeOn(BusinessDay.today(clock)),
                counsellor.version());
    }
}
