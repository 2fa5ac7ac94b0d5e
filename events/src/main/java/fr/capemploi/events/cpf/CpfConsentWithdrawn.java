package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The beneficiary withdrew the consent {@code consentId}; the CPF can no longer be mobilised on their behalf. */
@EventType(name = "CpfConsentWithdrawn", topic = Topics.CPF, aggregateType = "CpfAccount")
public record CpfConsentWithdrawn(
        UUID consentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate withdrawnOn) implements PersonAggregateEvent {
}
