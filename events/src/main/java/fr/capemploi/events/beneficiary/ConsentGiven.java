package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The person gave a GDPR consent to the structure (the consent to mobilise a CPF account belongs to the CPF
 * service). Keyed by the beneficiary so that it stays ordered with the rest of the person's events.
 */
@EventType(name = "ConsentGiven", topic = Topics.BENEFICIARY, aggregateType = "Consent")
public record ConsentGiven(
        UUID consentId,
        UUID beneficiaryId,
        UUID structureId,
        ConsentScope scope,
        LocalDate givenOn,
        ConsentModality modality) implements ConsentEvent {

    /** What the person agreed to; health data (the BOE recognition) needs its own explicit consent (GDPR art. 9). */
    public enum ConsentScope { DATA_PROCESSING, HEALTH_DATA_PROCESSING, DATA_SHARING_WITH_PARTNERS }

    public enum ConsentModality { SIGNED_FORM, ORAL_RECORDED, ELECTRONIC }
}
