package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deactivated counsellor's end date was removed: the active period that began on the registered
 * {@code activeFrom} is open again.
 */
@EventType(name = "CounsellorReactivated", topic = Topics.BENEFICIARY, aggregateType = "Counsellor")
public record CounsellorReactivated(
        UUID counsellorId,
        UUID structureId,
        LocalDate reactivatedOn) implements CounsellorEvent {
}
