package fr.capemploi.events.cep;

import fr.capemploi.events.DomainEvent;
import java.util.List;

/** Every event type the cep service has ever published; a new type or version is appended here. */
public final class CepEvents {

    public static final List<Class<? extends DomainEvent>> TYPES = List.of(
            Level1ContactRecorded.class,
            Level1ContactRouted.class,
            DiagnosticRecorded.class,
            AccompanimentOpened.class,
            AccompanimentLevelChanged.class,
            CepInformationGiven.class,
            InterviewHeld.class,
            ActionPlanned.class,
            ActionCompleted.class,
            ActionCancelled.class,
            SynthesisIssued.class,
            AccompanimentClosed.class,
            OperatorDeclarationSubmitted.class);

    private CepEvents() {
    }
}
