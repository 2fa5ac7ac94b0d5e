package fr.capemploi.events.beneficiary;

import fr.capemploi.events.DomainEvent;
import java.util.List;

/** Every event type the beneficiary service has ever published; a new type or version is appended here. */
public final class BeneficiaryEvents {

    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            StructureRegistered.class,
            BeneficiaryRegistered.class,
            BeneficiaryErased.class,
            CounsellorRegistered.class,
            CounsellorDeactivated.class,
            CounsellorReactivated.class,
            BeneficiaryProfileChanged.class,
            ReferentAssigned.class,
            BeneficiaryExited.class,
            ConsentGiven.class,
            ConsentWithdrawn.class);

    private BeneficiaryEvents() {
    }
}
