package fr.capemploi.cep.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The fiche de liaison of a level-1 contact, sent to the CEP operator the person is routed to. It names the structure
 * and the counsellor (as beneficiary-service names them at the time of the request) but not the person: their
 * identity travels separately, with their agreement, and an anonymous person has none at all.
 */
public record LiaisonSheet(
        UUID contactId,
        LocalDate contactDate,
        DocumentParties.Structure structure,
        DocumentParties.Counsellor counsellor,
        UUID beneficiaryId,
        boolean anonymous,
        ContactChannel channel,
        @Schema(maxLength = 300) String channelLabel,
        Level1Request request,
        @Schema(maxLength = 300) String requestLabel,
        CepOperator routedTo,
        @Schema(maxLength = 300) String routedToLabel) {

    /** The same sheet with the structure and the counsellor as beneficiary-service names them. */
    LiaisonSheet named(DocumentParties.Structure namedStructure, DocumentParties.Counsellor namedCounsellor) {
        return new LiaisonSheet(contactId, contactDate, namedStructure, namedCounsellor, beneficiaryId, anonymous,
                channel, channelLabel, request, requestLabel, routedTo, routedToLabel);
    }
}
