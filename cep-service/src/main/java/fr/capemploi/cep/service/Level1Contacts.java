package fr.capemploi.cep.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.cep.repository.Level1ContactRepository;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.Level1ContactRecorded.ContactChannel;
import fr.capemploi.events.cep.Level1ContactRecorded.Level1Request;
import fr.capemploi.events.cep.Level1ContactRouted;
import fr.capemploi.events.cep.Level1ContactRouted.CepOperator;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.domain.StructureRecords;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.repository.Conditions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** Records CEP level-1 contacts and publishes them for the indicators. */
@ApplicationScoped
public class Level1Contacts {

    private final Level1ContactRepository contacts;
    private final BeneficiaryReferences beneficiaries;
    private final Outbox outbox;
    private final Clock clock;

    public Level1Contacts(Level1ContactRepository contacts, BeneficiaryReferences beneficiaries, Outbox outbox,
            Clock clock) {
        this.contacts = contacts;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record NewContact(UUID structureId, UUID counsellorId, UUID beneficiaryId, LocalDate contactDate,
            ContactChannel channel, Level1Request request, CepOperator routedTo, boolean liaisonSheetIssued,
            String recordedBy) {
    }

    /** Call {@link BeneficiaryReferences#require} first when the contact names a beneficiary. */
    public Level1Contact record(NewContact contact) {
        Level1Contact saved = new Level1Contact(UUID.randomUUID(), contact.structureId(), contact.counsellorId(),
                contact.beneficiaryId(), contact.contactDate(), contact.channel(), contact.request(), contact.routedTo(),
                contact.liaisonSheetIssued(), clock.instant(), contact.recordedBy());
        if (saved.beneficiaryId() == null && saved.routedTo() == null) {
            // the network's most frequent write, an anonymous contact, is one row and its event: one statement, atomic
            // on its own, so no JTA transaction is begun for it (it joins the caller's when there is one: an
            // Idempotency-Key's answer is kept in it); bench/JOURNAL.md, "Write path", 2026-12-05 evening
            insertWithItsEvent(saved);
            return saved;
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (saved.beneficiaryId() != null) {
                beneficiaries.lockForWrite(saved.beneficiaryId(), saved.structureId());
            }
            insertWithItsEvent(saved);
            if (saved.routedTo() != null) {
                outbox.record(new Level1ContactRouted(saved.id(), saved.structureId(), saved.beneficiaryId(),
                        saved.contactDate(), saved.routedTo(), saved.liaisonSheetIssued()),
                        BusinessDay.startOf(saved.contactDate()));
            }
            return saved;
        });
    }

    /** The contact's row and its {@link Level1ContactRecorded}, one statement (in or out of a transaction). */
    private void insertWithItsEvent(Level1Contact saved) {
        outbox.record(contacts.insert(saved), new Level1ContactRecorded(saved.id(), saved.structureId(),
                saved.counsellorId(), saved.beneficiaryId(), saved.contactDate(), saved.channel(), saved.request(),
                saved.liaisonSheetIssued()), BusinessDay.startOf(saved.contactDate()));
    }

    /** Another structure's contact is answered as missing. */
    @Transactional
    public Level1Contact get(UUID structureId, UUID id) {
        return StructureRecords.requireIn(structureId, contacts.findByIdOptional(id), Level1Contact::structureId,
                "Level-1 contact", id);
    }

    public record Filter(UUID structureId, UUID beneficiaryId, LocalDate from, LocalDate to) {
    }

    @Transactional
    public Page<Level1Contact> list(Filter filter, int page, int size) {
        Conditions conditions = new Conditions()
                .andIfGiven("structureId = :structure", "structure", filter.structureId())
                .andIfGiven("beneficiaryId = :beneficiary", "beneficiary", filter.beneficiaryId())
                .andIfGiven("contactDate >= :from", "from", filter.from())
                .andIfGiven("contactDate <= :to", "to", filter.to());
        var query = contacts.find(conditions.query(),
                Sort.descending("contactDate").and("recordedAt", Sort.Direction.Descending), conditions.parameters());
        return new Page<>(query.page(page, size).list(), query.count(), page, size);
    }
}
