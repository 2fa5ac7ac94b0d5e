package fr.capemploi.events.beneficiary;

import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person entered a structure's accompaniment. Only the categorical attributes the indicators need: never a name,
 * NIR, contact detail or disability type (BOE is a yes/no).
 */
@EventType(name = "BeneficiaryRegistered", topic = Topics.BENEFICIARY, aggregateType = "Beneficiary")
public record BeneficiaryRegistered(
        UUID beneficiaryId,
        UUID structureId,
        UUID referentCounsellorId,
        LocalDate entryDate,
        Integer birthYear,
        Sex sex,
        StatusAtEntry statusAtEntry,
        boolean boe,
        QualificationLevel qualificationLevel,
        Integer inactivityMonths,
        OrientationSource orientationSource) implements PersonAggregateEvent {

    public enum Sex { FEMALE, MALE }

    public enum StatusAtEntry { JOB_SEEKER, PRIVATE_EMPLOYEE, PUBLIC_SERVANT, OTHER }

    /** French qualification levels (nomenclature 2019: 3 = CAP/BEP ... 8 = doctorate). */
    public enum QualificationLevel { NONE, LEVEL_3, LEVEL_4, LEVEL_5, LEVEL_6, LEVEL_7, LEVEL_8 }

    public enum OrientationSource {
        POLE_EMPLOI, MISSION_LOCALE, APEC, OPACIF, EMPLOYER, OCCUPATIONAL_PHYSICIAN, SPONTANEOUS, OTHER_CEP_OPERATOR, OTHER
    }
}
