package fr.capemploi.events.cep;

import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * At a level-1 contact the person was routed to another CEP operator (with or without a fiche de liaison). Published
 * next to {@link Level1ContactRecorded} rather than as its v2, so consumers of v1 keep counting contacts unchanged.
 */
@EventType(name = "Level1ContactRouted", topic = Topics.CEP, aggregateType = "Level1Contact")
public record Level1ContactRouted(
        UUID contactId,
        UUID structureId,
        UUID beneficiaryId,
        LocalDate routedOn,
        CepOperator routedTo,
        boolean liaisonSheetIssued) implements Level1ContactEvent {

    /** The CEP operators of the law of 5 March 2014 (and the regional operators for employees since 2020). */
    public enum CepOperator {
        POLE_EMPLOI, APEC, MISSION_LOCALE, OPACIF, OTHER_CAP_EMPLOI, REGIONAL_CEP_OPERATOR, OTHER
    }
}
