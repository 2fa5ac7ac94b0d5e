package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/** The person left the structure's accompaniment on {@code exitDate}; from then on they are in no portfolio. */
@EventType(name = "BeneficiaryExited", topic = Topics.BENEFICIARY, aggregateType = "Beneficiary")
public record BeneficiaryExited(UUID beneficiaryId, UUID structureId, LocalDate exitDate, ExitReason reason)
        implements PersonAggregateEvent {

    public enum ExitReason {
        SUSTAINABLE_JOB, TEMPORARY_JOB, TRAINING, MOVED, REFERRED_ELSEWHERE, HEALTH_OR_INACTIVITY, DROPPED_OUT, OTHER
    }
}
