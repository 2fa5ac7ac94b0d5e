package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The counsellor found the beneficiary's CPF account already open, so no assisted opening was needed: it stays
 * apart from {@link CpfAccountOpeningAssisted} so that the assisted-opening share is not inflated.
 */
@EventType(name = "CpfAccountAlreadyOpen", topic = Topics.CPF, aggregateType = "CpfAccount")
public record CpfAccountAlreadyOpen(
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate notedOn) implements PersonAggregateEvent {
}
