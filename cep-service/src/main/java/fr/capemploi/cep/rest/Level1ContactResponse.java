package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Level1Contact")
public record Level1ContactResponse(UUID id, UUID structureId, UUID counsellorId, UUID beneficiaryId,
        LocalDate contactDate, ContactChannel channel, Level1Request request, boolean liaisonSheetIssued) {

    static Level1ContactResponse of(Level1Contact contact) {
        return new Level1ContactResponse(contact.id(), contact.structureId(), contact.counsellorId(),
                contact.beneficiaryId(), contact.contactDate(), contact.channel(), contact.request(),
                contact.liaisonSheetIssued());
    }
}
