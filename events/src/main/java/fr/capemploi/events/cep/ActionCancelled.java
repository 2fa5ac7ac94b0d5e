package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import java.time.LocalDate;
import java.util.UUID;

/** A planned action-plan item will not take place. */
@EventType(name = "ActionCancelled", topic = Topics.CEP, aggregateType = "Accompaniment")
public record ActionCancelled(
        UUID actionId,
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        ActionKind kind,
        LocalDate cancelledOn) implements AccompanimentEvent {
}
