package fr.capemploi.beneficiary.domain;

import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.QualificationLevel;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.Sex;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import java.time.LocalDate;

/** What a counsellor records and corrects about a person: identity, contact, situation at entry. */
public record BeneficiaryProfile(
        String lastName,
        String firstName,
        LocalDate birthDate,
        Sex sex,
        Nir nir,
        String franceTravailId,
        Contact contact,
        StatusAtEntry statusAtEntry,
        BoeRecognition boeRecognition,
        QualificationLevel qualificationLevel,
        Integer inactivityMonths,
        OrientationSource orientationSource,
        LocalDate entryDate) {

    public BeneficiaryProfile {
        contact = contact == null ? Contact.NONE : contact;
    }

    /** The part of the profile the indicators use, and so the only part ever published. */
    public IndicatorAttributes indicatorAttributes() {
        return new IndicatorAttributes(entryDate, birthDate.getYear(), sex, statusAtEntry, boeRecognition != null,
                qualificationLevel, inactivityMonths, orientationSource);
    }
}
