package fr.capemploi.events.cpf;

import static fr.capemploi.events.SampleIds.BENEFICIARY;
import static fr.capemploi.events.SampleIds.COUNSELLOR;
import static fr.capemploi.events.SampleIds.STRUCTURE;

import fr.capemploi.events.DomainEvent;
import java.time.LocalDate;
import java.util.Map;

/** One realistic instance of each type of {@link CpfEvents}. */
public final class CpfEventSamples {

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.of(
            CpfPresented.class, new CpfPresented(BENEFICIARY, STRUCTURE, COUNSELLOR, LocalDate.of(2016, 5, 2)));

    private CpfEventSamples() {
    }
}
