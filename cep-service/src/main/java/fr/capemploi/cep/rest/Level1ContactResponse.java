package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Level1Contact")
public record Level1ContactResponse(UUID id, UUID structureId, UUID counsellorId, UUID beneficiaryId,
        LocalDate contactDate, ContactChannel channel, Level1Request request, CepOperator routedTo,
        boolean liaisonSheetIssued,
        @Schema(maxLength = 2048, description = "Where to download the fiche de liaison, when one was issued") String liaisonSheet) {

    static Level1ContactResponse of(Level1Contact contact) {
        return new Level1ContactResponse(contact.id(), contact.structureId(), contact.counsellorId(),
                contact.beneficiaryId(), contact.contactDate(), contact.channel(), contact.request(),
                        contact.routedTo(),
                contact.liaisonSheetIssued(),
                contact.liaisonSheetIssued() ? "/api/v1/cep/liaison-sheets/" + contact.id() : null);
    }
}
