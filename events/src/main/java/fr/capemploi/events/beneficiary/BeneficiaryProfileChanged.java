package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One of the categorical attributes carried by {@link BeneficiaryRegistered} was corrected. The event carries the
 * whole categorical profile after the change (not a diff), so a consumer simply replaces what it holds. Changes of
 * names, contact, NIR or disability type are never published.
 */
@EventType(name = "BeneficiaryProfileChanged", topic = Topics.BENEFICIARY, aggregateType = "Beneficiary")
public record BeneficiaryProfileChanged(
        UUID beneficiaryId,
        UUID structureId,
        LocalDate changedOn,
        LocalDate entryDate,
        Integer birthYear,
        Sex sex,
        StatusAtEntry statusAtEntry,
        boolean boe,
        QualificationLevel qualificationLevel,
        Integer inactivityMonths,
        OrientationSource orientationSource) implements PersonAggregateEvent {
}
