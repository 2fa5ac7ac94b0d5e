package fr.capemploi.beneficiary.messaging;

import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.Consent;
import fr.capemploi.beneficiary.domain.Counsellor;
import fr.capemploi.beneficiary.domain.IndicatorAttributes;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryExited;
import fr.capemploi.events.beneficiary.BeneficiaryProfileChanged;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.ConsentGiven;
import fr.capemploi.events.beneficiary.ConsentWithdrawn;
import fr.capemploi.events.beneficiary.CounsellorDeactivated;
import fr.capemploi.events.beneficiary.CounsellorReactivated;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The only place where the registry's records become events. Each event is built from ids, dates and
 * {@link IndicatorAttributes}; nothing here can reach a name, contact, NIR or BOE ground, which keeps the "no personal
 * data in events" rule checkable by reading one class.
 */
public final class RegistryEvents {

    private RegistryEvents() {
    }

    public static BeneficiaryRegistered registered(Beneficiary beneficiary) {
        IndicatorAttributes a = beneficiary.indicatorAttributes();
        return new BeneficiaryRegistered(beneficiary.id(), beneficiary.structureId(),
                beneficiary.referentCounsellorId(), a.entryDate(), a.birthYear(), a.sex(), a.statusAtEntry(), a.boe(),
                a.qualificationLevel(), a.inactivityMonths(), a.orientationSource());
    }

    public static BeneficiaryProfileChanged profileChanged(Beneficiary beneficiary, LocalDate changedOn) {
        IndicatorAttributes a = beneficiary.indicatorAttributes();
        return new BeneficiaryProfileChanged(beneficiary.id(), beneficiary.structureId(), changedOn, a.entryDate(),
                a.birthYear(), a.sex(), a.statusAtEntry(), a.boe(), a.qualificationLevel(), a.inactivityMonths(),
                a.orientationSource());
    }

    public static ReferentAssigned referentAssigned(Beneficiary beneficiary, UUID previous, LocalDate assignedOn) {
        return new ReferentAssigned(beneficiary.id(), beneficiary.structureId(), beneficiary.referentCounsellorId(),
                previous, assignedOn);
    }

    public static BeneficiaryExited exited(Beneficiary beneficiary) {
        return new BeneficiaryExited(beneficiary.id(), beneficiary.structureId(), beneficiary.exitDate(),
                beneficiary.exitReason());
    }

    public static BeneficiaryErased erased(Beneficiary beneficiary) {
        return new BeneficiaryErased(beneficiary.id(), beneficiary.structureId(), beneficiary.erasedOn());
    }

    public static ConsentGiven consentGiven(Consent consent) {
        return new ConsentGiven(consent.id(), consent.beneficiaryId(), consent.structureId(), consent.scope(),
                consent.givenOn(), consent.modality());
    }

    public static ConsentWithdrawn consentWithdrawn(Consent consent) {
        return new ConsentWithdrawn(consent.id(), consent.beneficiaryId(), consent.structureId(), consent.scope(),
                consent.withdrawnOn(), consent.withdrawalModality());
    }

    public static CounsellorRegistered counsellorRegistered(Counsellor counsellor) {
        return new CounsellorRegistered(counsellor.id(), counsellor.structureId(), counsellor.activeFrom());
    }

    public static CounsellorDeactivated counsellorDeactivated(Counsellor counsellor) {
        return new CounsellorDeactivated(counsellor.id(), counsellor.structureId(), counsellor.activeUntil());
    }

    public static CounsellorReactivated counsellorReactivated(Counsellor counsellor, LocalDate on) {
        return new CounsellorReactivated(counsellor.id(), counsellor.structureId(), on);
    }
}
