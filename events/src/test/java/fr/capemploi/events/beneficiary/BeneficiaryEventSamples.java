package fr.capemploi.events.beneficiary;

import static fr.capemploi.events.SampleIds.STRUCTURE;

import fr.capemploi.events.DomainEvent;
import java.time.LocalDate;
import java.util.Map;

/** One realistic instance of each type of {@link BeneficiaryEvents}. */
public final class BeneficiaryEventSamples {

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.of(
            StructureRegistered.class, new StructureRegistered(STRUCTURE, "075", "Cap emploi Paris", "11", "75",
                    LocalDate.of(2016, 1, 4)));

    private BeneficiaryEventSamples() {
    }
}
