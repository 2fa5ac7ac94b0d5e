package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The accompanied person was informed about the CEP (indicator 5). */
@EventType(name = "CepInformationGiven", topic = Topics.CEP, aggregateType = "Accompaniment")
public record CepInformationGiven(
        UUID accompanimentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate informedOn) implements AccompanimentEvent {
}
