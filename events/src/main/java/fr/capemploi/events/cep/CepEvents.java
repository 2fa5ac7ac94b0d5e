package fr.capemploi.events.cep;

import fr.capemploi.events.DomainEvent;
import java.util.List;

/** Every event type the cep service has ever published; a new type or version is appended here. */
public final class CepEvents {

    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            Level1ContactRecorded.class);

    private CepEvents() {
    }
}
