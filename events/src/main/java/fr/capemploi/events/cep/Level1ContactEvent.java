package fr.capemploi.events.cep;

import fr.capemploi.events.DomainEvent;
import java.util.UUID;

/**
 * A fact about a level-1 contact: the contact is the aggregate, and the record key is the person when they are
 * known (so the contact's facts stay in order with the rest of that person's), else the contact itself, an anonymous
 * person having nothing else to be ordered with.
 */
public interface Level1ContactEvent extends DomainEvent {

    UUID contactId();

    /** Absent for an anonymous person. */
    UUID beneficiaryId();

    @Override
    default UUID aggregateId() {
        return contactId();
    }

    @Override
    default UUID recordKey() {
        return beneficiaryId() != null ? beneficiaryId() : contactId();
    }
}
