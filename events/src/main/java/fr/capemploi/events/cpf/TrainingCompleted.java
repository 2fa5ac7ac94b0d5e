package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The training of a project was completed; {@code certificationObtained} is absent while the result is unknown. */
@EventType(name = "TrainingCompleted", topic = Topics.CPF, aggregateType = "TrainingProject")
public record TrainingCompleted(
        UUID trainingProjectId,
        UUID beneficiaryId,
        UUID structureId,
        LocalDate completedOn,
        Boolean certificationObtained) implements TrainingProjectEvent {
}
