package fr.capemploi.beneficiary.domain;

import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import java.time.LocalDate;

/**
 * The categorical, pseudonymous attributes of a beneficiary: what events carry and what an erased tombstone keeps.
 * A change of any of them is published; a change of anything else (names, contact, NIR, BOE ground) is not.
 */
public record IndicatorAttributes(
        LocalDate entryDate,
        int birthYear,
        Sex sex,
        StatusAtEntry statusAtEntry,
        boolean boe,
        QualificationLevel qualificationLevel,
        Integer inactivityMonths,
        OrientationSource orientationSource) {
}
