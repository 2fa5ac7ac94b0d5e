package fr.capemploi.events.beneficiary;

import static fr.capemploi.events.SampleIds.BENEFICIARY;
import static fr.capemploi.events.SampleIds.COUNSELLOR;
import static fr.capemploi.events.SampleIds.STRUCTURE;

import fr.capemploi.events.DomainEvent;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of each type of {@link BeneficiaryEvents}. */
public final class BeneficiaryEventSamples {

    /** The counsellor who took over the sample beneficiary's portfolio from {@code COUNSELLOR}. */
    static final UUID NEXT_COUNSELLOR = UUID.fromString("9c4e2d1a-7b3f-4e8a-b5c6-1f2e3d4c5b61");
    static final UUID CONSENT = UUID.fromString("3d7a9b2c-1e4f-4a6b-8c9d-0e1f2a3b4c71");

    public static final Map<Class<? extends DomainEvent>, DomainEvent> SAMPLES = Map.ofEntries(
            Map.entry(StructureRegistered.class, new StructureRegistered(STRUCTURE, "075", "Cap emploi Paris", "11", "75",
                    LocalDate.of(2016, 1, 4))),
            Map.entry(BeneficiaryRegistered.class, new BeneficiaryRegistered(BENEFICIARY, STRUCTURE, COUNSELLOR,
                    LocalDate.of(2016, 2, 15), 1974, BeneficiaryRegistered.Sex.FEMALE,
                    BeneficiaryRegistered.StatusAtEntry.JOB_SEEKER, true, BeneficiaryRegistered.QualificationLevel.LEVEL_3,
                    14, BeneficiaryRegistered.OrientationSource.POLE_EMPLOI)),
            Map.entry(BeneficiaryErased.class, new BeneficiaryErased(BENEFICIARY, STRUCTURE, LocalDate.of(2019, 6, 3))),
            Map.entry(CounsellorRegistered.class, new CounsellorRegistered(COUNSELLOR, STRUCTURE, LocalDate.of(2016, 1, 4))),
            Map.entry(CounsellorDeactivated.class, new CounsellorDeactivated(COUNSELLOR, STRUCTURE,
                    LocalDate.of(2016, 9, 30))),
            Map.entry(CounsellorReactivated.class, new CounsellorReactivated(COUNSELLOR, STRUCTURE,
                    LocalDate.of(2017, 1, 2))),
            Map.entry(BeneficiaryProfileChanged.class, new BeneficiaryProfileChanged(BENEFICIARY, STRUCTURE,
                    LocalDate.of(2016, 3, 1), LocalDate.of(2016, 2, 15), 1974, BeneficiaryRegistered.Sex.FEMALE,
                    BeneficiaryRegistered.StatusAtEntry.JOB_SEEKER, true, BeneficiaryRegistered.QualificationLevel.LEVEL_4,
                    14, BeneficiaryRegistered.OrientationSource.POLE_EMPLOI)),
            Map.entry(ReferentAssigned.class, new ReferentAssigned(BENEFICIARY, STRUCTURE, NEXT_COUNSELLOR, COUNSELLOR,
                    LocalDate.of(2016, 10, 3))),
            Map.entry(BeneficiaryExited.class, new BeneficiaryExited(BENEFICIARY, STRUCTURE, LocalDate.of(2017, 4, 28),
                    BeneficiaryExited.ExitReason.SUSTAINABLE_JOB)),
            Map.entry(ConsentGiven.class, new ConsentGiven(CONSENT, BENEFICIARY, STRUCTURE,
                    ConsentGiven.ConsentScope.HEALTH_DATA_PROCESSING, LocalDate.of(2016, 2, 15),
                    ConsentGiven.ConsentModality.SIGNED_FORM)),
            Map.entry(ConsentWithdrawn.class, new ConsentWithdrawn(CONSENT, BENEFICIARY, STRUCTURE,
                    ConsentGiven.ConsentScope.HEALTH_DATA_PROCESSING, LocalDate.of(2018, 11, 5),
                    ConsentGiven.ConsentModality.ELECTRONIC)));

    private BeneficiaryEventSamples() {
    }
}
