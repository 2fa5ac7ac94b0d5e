package fr.capemploi.events.cpf;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The beneficiary gave express consent to mobilise the CPF (indicator 6, consent by modality). */
@EventType(name = "CpfConsentGiven", topic = Topics.CPF, aggregateType = "CpfAccount")
public record CpfConsentGiven(
        UUID consentId,
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        LocalDate givenOn,
        ConsentModality modality) implements PersonAggregateEvent {

    /** How the consent was collected, as listed by the CNEFOP survey. */
    public enum ConsentModality {
        SIGNED_STANDARD_LETTER,
        INTERVIEW_SYNTHESIS_GIVEN,
        CPF_SYSTEM_SCREENSHOT,
        AIF_REQUEST_SIGNATURE,
        COLLECTED_BY_POLE_EMPLOI
    }
}
