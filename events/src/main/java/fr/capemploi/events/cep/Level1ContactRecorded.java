package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A CEP level-1 contact (accueil individualisé) took place. {@code beneficiaryId} is absent for an anonymous
 * person, who then counts as one person of their own.
 */
@EventType(name = "Level1ContactRecorded", topic = Topics.CEP, aggregateType = "Level1Contact")
public record Level1ContactRecorded(
        UUID contactId,
        UUID structureId,
        UUID counsellorId,
        UUID beneficiaryId,
        LocalDate contactDate,
        ContactChannel channel,
        Level1Request request,
        boolean liaisonSheetIssued) implements Level1ContactEvent {

    public enum ContactChannel { ON_SITE, PHONE, REMOTE }

    public enum Level1Request { CEP_INFORMATION, CPF_INFORMATION, TRAINING_INFORMATION, JOB_INFORMATION, OTHER }
}
