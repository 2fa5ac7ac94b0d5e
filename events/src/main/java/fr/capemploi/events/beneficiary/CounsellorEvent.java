package fr.capemploi.events.beneficiary;

import fr.capemploi.events.DomainEvent;
import java.util.UUID;

/**
 * A change in a structure's counsellor directory. Keyed by the structure, so that it follows the structure's own
 * registration on the topic.
 */
public interface CounsellorEvent extends DomainEvent {

    UUID counsellorId();

    @Override
    default UUID aggregateId() {
        return counsellorId();
    }

    @Override
    default UUID recordKey() {
        return structureId();
    }
}
