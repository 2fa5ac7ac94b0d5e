package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import fr.capemploi.platform.domain.RuleViolation;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a structure declares to the CNEFOP survey that activity data cannot give. Null means "not answered", so each
 * row of the survey keeps its own coverage ("données obtenues sur 52 retours").
 */
public record DeclaredFigures(
        BigDecimal level1OnlyCounsellorFte,
        BigDecimal levels2And3OnlyCounsellorFte,
        BigDecimal allLevelsCounsellorFte,
        BigDecimal supportFte,
        boolean professionalisationActionsEngaged,
        List<ProfessionalisationAction> professionalisationActions,
        boolean systematicTrainingForNewCounsellors,
        BigDecimal cepTrainingDays,
        Integer counsellorsTrained,
        Boolean mutualisedOfferUsed,
        List<MutualisedOfferNature> mutualisedOfferNatures,
        Boolean level1Delivered,
        Boolean trainingsFitNeeds,
        Boolean cpfRulesMastered,
        Boolean newFundersUsed,
        Boolean sproToolsDeveloped,
        Boolean cepKitUsedInternally) {

    public DeclaredFigures {
        professionalisationActions = List.copyOf(professionalisationActions);
        mutualisedOfferNatures = mutualisedOfferNatures == null ? List.of() : List.copyOf(mutualisedOfferNatures);
        if (professionalisationActionsEngaged && professionalisationActions.isEmpty()) {
            throw new RuleViolation("professionalisation.actions", "name at least one action when actions were engaged");
        }
        if (!professionalisationActionsEngaged && !professionalisationActions.isEmpty()) {
            throw new RuleViolation("professionalisation.actions", "must be empty when no action was engaged");
        }
        if (professionalisationActions.size() != professionalisationActions.stream().distinct().count()) {
            throw new RuleViolation("professionalisation.actions", "must not repeat an action");
        }
        if (Boolean.TRUE.equals(mutualisedOfferUsed) && mutualisedOfferNatures.isEmpty()) {
            throw new RuleViolation("mutualisedOffer.natures", "name the nature of the offer used");
        }
        if (!Boolean.TRUE.equals(mutualisedOfferUsed) && !mutualisedOfferNatures.isEmpty()) {
            throw new RuleViolation("mutualisedOffer.natures", "must be empty when no mutualised offer was used");
        }
        if (mutualisedOfferNatures.size() != mutualisedOfferNatures.stream().distinct().count()) {
            throw new RuleViolation("mutualisedOffer.natures", "must not repeat a nature");
        }
        if (cepTrainingDays != null && counsellorsTrained != null) {
            if (cepTrainingDays.signum() > 0 && counsellorsTrained == 0) {
                throw new RuleViolation("cepTraining.counsellorsTrained",
                        "must be at least 1 when training days were given");
            }
            if (cepTrainingDays.signum() == 0 && counsellorsTrained > 0) {
                throw new RuleViolation("cepTraining.days", "must be above 0 when counsellors were trained");
            }
        }
    }

    /** Counsellor FTE on the three levels together, the survey's "Total ETP conseillers CEP". */
    public BigDecimal totalCounsellorFte() {
        return level1OnlyCounsellorFte.add(levels2And3OnlyCounsellorFte).add(allLevelsCounsellorFte);
    }

    /** Indicator 12's "structures with at least one CEP training": an action engaged or training days given. */
    public boolean atLeastOneCepTraining() {
        return professionalisationActionsEngaged || cepTrainingDays != null && cepTrainingDays.signum() > 0;
    }
}
