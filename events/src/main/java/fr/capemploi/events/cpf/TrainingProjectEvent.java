package fr.capemploi.events.cpf;

import fr.capemploi.events.PersonEvent;
import java.util.UUID;

/** A step of a person's training project: the project is the aggregate, the person the key. */
public interface TrainingProjectEvent extends PersonEvent {

    UUID trainingProjectId();

    @Override
    default UUID aggregateId() {
        return trainingProjectId();
    }
}
