package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentModality;
import fr.capemploi.events.beneficiary.ConsentGiven.ConsentScope;
import java.time.LocalDate;
import java.util.UUID;

/** The person withdrew a consent given earlier ({@code consentId} of its {@link ConsentGiven}). */
@EventType(name = "ConsentWithdrawn", topic = Topics.BENEFICIARY, aggregateType = "Consent")
public record ConsentWithdrawn(
        UUID consentId,
        UUID beneficiaryId,
        UUID structureId,
        ConsentScope scope,
        LocalDate withdrawnOn,
        ConsentModality modality) implements ConsentEvent {
}
