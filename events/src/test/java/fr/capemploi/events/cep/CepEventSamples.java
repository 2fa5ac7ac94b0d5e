package fr.capemploi.events.cep;

import static fr.capemploi.events.SampleIds.COUNSELLOR;
import static fr.capemploi.events.SampleIds.STRUCTURE;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of each type of {@link CepEvents}. */
public final class CepEventSamples {

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.of(
            Level1ContactRecorded.class, new Level1ContactRecorded(UUID.fromString("a3c1e2f4-1111-4a2b-9c3d-000000000001"),
                    STRUCTURE, COUNSELLOR, null, LocalDate.of(2016, 3, 14), ContactChannel.PHONE,
                    Level1Request.CPF_INFORMATION, true));

    private CepEventSamples() {
    }
}
