package fr.capemploi.cep.service;

import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.cep.repository.Level1ContactRepository;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Records CEP level-1 contacts and publishes them for the indicators. */
@ApplicationScoped
public class Level1Contacts {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final Level1ContactRepository contacts;
    private final Outbox outbox;
    private final Clock clock;

    public Level1Contacts(Level1ContactRepository contacts, Outbox outbox, Clock clock) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewContact(UUID structureId, UUID counsellorId, UUID beneficiaryId, LocalDate contactDate,
            ContactChannel channel, Level1Request request, boolean liaisonSheetIssued, String recordedBy) {
    }

    @Transactional
    public Level1Contact record(NewContact contact) {
        Level1Contact saved = new Level1Contact(UUID.randomUUID(), contact.structureId(), contact.counsellorId(),
                contact.beneficiaryId(), contact.contactDate(), contact.channel(), contact.request(),
                contact.liaisonSheetIssued(), clock.instant(), contact.recordedBy());
        contacts.persist(saved);
        outbox.record(new Level1ContactRecorded(saved.id(), saved.structureId(), saved.counsellorId(),
                saved.beneficiaryId(), saved.contactDate(), saved.channel(), saved.request(),
                saved.liaisonSheetIssued()), saved.contactDate().atStartOfDay(FRANCE).toInstant());
        return saved;
    }

    @Transactional
    public Level1Contact get(UUID id) {
        return contacts.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Level-1 contact", id));
    }
}
