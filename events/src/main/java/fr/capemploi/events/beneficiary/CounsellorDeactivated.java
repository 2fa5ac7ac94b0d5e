package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A counsellor's active period ends on {@code activeUntil} (inclusive). Published again with another date when an
 * administrator corrects the end: the latest one holds.
 */
@EventType(name = "CounsellorDeactivated", topic = Topics.BENEFICIARY, aggregateType = "Counsellor")
public record CounsellorDeactivated(
        UUID counsellorId,
        UUID structureId,
        LocalDate activeUntil) implements CounsellorEvent {
}
