package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.AlternanceContract;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import java.time.LocalDate;
import java.util.UUID;

/** An action-plan item was done; kind and kind attributes are repeated so counts need no join. */
@EventType(name = "ActionCompleted", topic = Topics.CEP, aggregateType = "Accompaniment")
public record ActionCompleted(
        UUID actionId,
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        ActionKind kind,
        PmsmpPurpose pmsmpPurpose,
        AlternanceContract alternanceContract,
        LocalDate completedOn) implements AccompanimentEvent {
}
