package fr.capemploi.events.cpf;

import fr.capemploi.events.DomainEvent;
import java.util.List;

/** Every event type the cpf service has ever published; a new type or version is appended here. */
public final class CpfEvents {

    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            CpfPresented.class,
            CpfAccountOpeningAssisted.class,
            CpfAccountAlreadyOpen.class,
            CpfConsentGiven.class,
            CpfConsentWithdrawn.class,
            CpfBalanceRecorded.class,
            TrainingProjectCreated.class,
            FundingRequested.class,
            FundingDecided.class,
            TrainingStarted.class,
            TrainingCompleted.class,
            TrainingNotImplemented.class);

    private CpfEvents() {
    }
}
