package fr.capemploi.events.cep;

import fr.capemploi.events.PersonEvent;
import java.util.UUID;

/** A step of a person's CEP accompaniment: the accompaniment is the aggregate, the person the key. */
public interface AccompanimentEvent extends PersonEvent {

    UUID accompanimentId();

    @Override
    default UUID aggregateId() {
        return accompanimentId();
    }
}
