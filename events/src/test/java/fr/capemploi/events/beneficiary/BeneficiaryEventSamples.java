package fr.capemploi.events.beneficiary;

import static fr.capemploi.events.SampleIds.BENEFICIARY;
import static fr.capemploi.events.SampleIds.COUNSELLOR;
import static fr.capemploi.events.SampleIds.STRUCTURE;

import fr.capemploi.events.DomainEvent;
import java.time.LocalDate;
import java.util.Map;

/** One realistic instance of each type of {@link BeneficiaryEvents}. */
public final class BeneficiaryEventSamples {

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.of(
            StructureRegistered.class, new StructureRegistered(STRUCTURE, "075", "Cap emploi Paris", "11", "75",
                    LocalDate.of(2016, 1, 4)),
            BeneficiaryRegistered.class, new BeneficiaryRegistered(BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 2, 15), 1974, BeneficiaryRegistered.Sex.FEMALE,
                    BeneficiaryRegistered.StatusAtEntry.JOB_SEEKER, true, BeneficiaryRegistered.QualificationLevel.LEVEL_3,
                    14, BeneficiaryRegistered.OrientationSource.POLE_EMPLOI),
            BeneficiaryErased.class, new BeneficiaryErased(BENEFICIARY, STRUCTURE, LocalDate.of(2019, 6, 3)));

    private BeneficiaryEventSamples() {
    }
}
