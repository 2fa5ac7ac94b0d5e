package fr.capemploi.events;

import java.util.UUID;

/**
 * A fact about one person, whatever its aggregate: keyed by the person, so that one person's events stay in order on
 * the topic (an action planned after the accompaniment was opened, a funding decided after the project was created).
 */
public interface PersonEvent extends DomainEvent {

    UUID beneficiaryId();

    @Override
    default UUID recordKey() {
        return beneficiaryId();
    }
}
