package fr.capemploi.events.cep;

import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventType;
import fr.capemploi.events.Topics;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A structure's declaration to the CNEFOP survey for a year ({@code 2016}) or half-year ({@code 2016-H1}). A
 * resubmission carries the next {@code version} and names the one it {@code replacesVersion}: consumers keep only the
 * latest. Figures left unanswered are null, so each row of the survey has its own coverage. No free text.
 */
@EventType(name = "OperatorDeclarationSubmitted", topic = Topics.CEP, aggregateType = "OperatorDeclaration")
public record OperatorDeclarationSubmitted(
        UUID declarationId,
        UUID structureId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        int version,
        Integer replacesVersion,
        LocalDate submittedOn,
        double level1OnlyCounsellorFte,
        double levels2And3OnlyCounsellorFte,
        double allLevelsCounsellorFte,
        double totalCounsellorFte,
        double supportFte,
        boolean professionalisationActionsEngaged,
        List<ProfessionalisationAction> professionalisationActions,
        boolean systematicTrainingForNewCounsellors,
        Double cepTrainingDays,
        Integer counsellorsTrained,
        boolean atLeastOneCepTraining,
        Boolean mutualisedOfferUsed,
        List<MutualisedOfferNature> mutualisedOfferNatures,
        Boolean level1Delivered,
        Boolean trainingsFitNeeds,
        Boolean cpfRulesMastered,
        Boolean newFundersUsed,
        Boolean sproToolsDeveloped,
        Boolean cepKitUsedInternally) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return declarationId;
    }

    /** A structure-level fact: keyed by the structure. */
    @Override
    public UUID recordKey() {
        return structureId;
    }

    /** The professionalisation actions the survey lists. */
    public enum ProfessionalisationAction {
        AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING, REGIONAL_AGEFIPH_FIPHFP_TRAINING, HANDI_FORMATION, INTERNAL_WITH_CEP_KIT,
        OTHER
    }

    /** Where a mutualised or inter-operator CEP training offer came from. */
    public enum MutualisedOfferNature { SPRO, CARIF_OREF, INTER_OPERATOR_CROSS_KNOWLEDGE, OTHER }
}
