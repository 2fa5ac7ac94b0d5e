package fr.capemploi.events.beneficiary;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** A Cap emploi structure joined the directory. Region is the INSEE region code, département its code. */
@EventType(name = "StructureRegistered", topic = Topics.BENEFICIARY, aggregateType = "Structure")
public record StructureRegistered(
        UUID structureId,
        String code,
        String name,
        String region,
        String department,
        LocalDate registeredOn) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return structureId;
    }
}
