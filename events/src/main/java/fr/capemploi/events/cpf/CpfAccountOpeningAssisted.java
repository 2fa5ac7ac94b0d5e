package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** A counsellor helped the beneficiary to open the CPF account (indicator 6, "ouverture accompagnée"). */
@EventType(name = "CpfAccountOpeningAssisted", topic = Topics.CPF, aggregateType = "CpfAccount")
public record CpfAccountOpeningAssisted(
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate assistedOn) implements PersonAggregateEvent {
}
