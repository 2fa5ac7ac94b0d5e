package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * From {@code assignedOn}, {@code counsellorId} is the beneficiary's referent (the person is in their portfolio);
 * {@code previousCounsellorId} is the referent it replaces, absent for a first assignment.
 */
@EventType(name = "ReferentAssigned", topic = Topics.BENEFICIARY, aggregateType = "Beneficiary")
public record ReferentAssigned(
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        UUID previousCounsellorId,
        LocalDate assignedOn) implements PersonAggregateEvent {
}
