package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The training of a project started; {@code cpfFunded} when a CPF line of its funding plan was not refused. */
@EventType(name = "TrainingStarted", topic = Topics.CPF, aggregateType = "TrainingProject")
public record TrainingStarted(
        UUID trainingProjectId,
        UUID beneficiaryId,
        UUID structureId,
        LocalDate startedOn,
        boolean cpfFunded) implements TrainingProjectEvent {
}
