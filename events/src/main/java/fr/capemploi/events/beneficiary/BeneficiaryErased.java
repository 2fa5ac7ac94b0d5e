package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The person's personal data was erased (right to be forgotten). The pseudonymous id stays, so history keeps
 * counting; consumers holding anything personal must drop it.
 */
@EventType(name = "BeneficiaryErased", topic = Topics.BENEFICIARY, aggregateType = "Beneficiary")
public record BeneficiaryErased(
        UUID beneficiaryId,
        UUID structureId,
        LocalDate erasedOn) implements PersonAggregateEvent {
}
