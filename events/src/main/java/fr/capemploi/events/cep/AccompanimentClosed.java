package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The accompaniment ended. A CEP succeeds when the person took a decision: {@code decisionTaken} is false only for
 * {@link Outcome#NONE_OR_ABANDON}.
 */
@EventType(name = "AccompanimentClosed", topic = Topics.CEP, aggregateType = "Accompaniment")
public record AccompanimentClosed(
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID referentCounsellorId,
        int level,
        CapEmploiService capEmploiService,
        LocalDate closedOn,
        Outcome outcome,
        boolean decisionTaken) implements AccompanimentEvent {

    public enum Outcome { ENGAGE_PROJECT, START_TRAINING, JOB_SEARCH, KEEP_SITUATION, NONE_OR_ABANDON }
}
