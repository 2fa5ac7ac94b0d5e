package fr.capemploi.events;

import java.util.UUID;

/**
 * A past-tense fact published by one service. Implementations are records annotated with {@link EventType}
 * and carry only ids, dates, amounts and categorical attributes: never names, NIR, contact details, free text
 * or disability type.
 */
public interface DomainEvent {

    /** The aggregate the fact is about. */
    UUID aggregateId();

    /**
     * The Kafka record key: the beneficiary for facts about a person (so one person's events stay in order
     * whatever the aggregate), else the aggregate itself.
     */
    default UUID recordKey() {
        return aggregateId();
    }

    /** The structure (Cap emploi) the fact belongs to. */
    UUID structureId();
}
