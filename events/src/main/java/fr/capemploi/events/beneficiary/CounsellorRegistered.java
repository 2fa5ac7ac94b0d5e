package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A counsellor joined a structure's directory, active from a date. No name: indicators only count active
 * counsellors. Keyed by the structure, so that it follows the structure's own registration on the topic.
 */
@EventType(name = "CounsellorRegistered", topic = Topics.BENEFICIARY, aggregateType = "Counsellor")
public record CounsellorRegistered(
        UUID counsellorId,
        UUID structureId,
        LocalDate activeFrom) implements CounsellorEvent {
}
