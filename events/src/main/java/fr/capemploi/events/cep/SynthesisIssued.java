package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The dossier de synthèse was given to the person; {@code revision} counts re-issues (1 for the first). */
@EventType(name = "SynthesisIssued", topic = Topics.CEP, aggregateType = "Accompaniment")
public record SynthesisIssued(
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate issuedOn,
        int revision) implements AccompanimentEvent {
}
