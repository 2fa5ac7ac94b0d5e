package fr.capemploi.events;

import java.util.UUID;

/** A fact about a person whose aggregate is the person itself (registration, exit, the CPF account...). */
public interface PersonAggregateEvent extends PersonEvent {

    @Override
    default UUID aggregateId() {
        return beneficiaryId();
    }
}
