package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The CPF was presented to a beneficiary (indicator 6, "CPF présenté"). */
@EventType(name = "CpfPresented", topic = Topics.CPF, aggregateType = "CpfAccount")
public record CpfPresented(
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate presentedOn) implements PersonAggregateEvent {
}
