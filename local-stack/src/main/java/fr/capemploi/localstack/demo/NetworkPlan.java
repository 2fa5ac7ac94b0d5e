package fr.capemploi.localstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the demo will send, decided before the first request: structures, counsellors, declarations,
 * anonymous level-1 contacts and people with their whole story. Built by {@link NetworkPlanner} from a scale and a
 * seed only, so two runs with the same seed send the same requests; {@link Expectations} computes the indicators
 * from it.
 */
public record NetworkPlan(double scale, long seed, List<StructurePlan> structures, List<CounsellorPlan> counsellors,
        List<DeclarationPlan> declarations, List<ContactPlan> anonymousContacts, List<PersonPlan> people) {

    /** Prefix of every Idempotency-Key and logical name of this network. */
    public String runKey() {
        return "demo-" + seed + "-" + scaleText(scale);
    }

    public static String scaleText(double scale) {
        return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
    }

    public long requestEstimate() {
        long count = structures.size() + counsellors.size() + declarations.size() + anonymousContacts.size();
        for (PersonPlan person : people) {
            count += person.requestCount();
        }
        return count;
    }

    /** One request per step that happened: a step that did not is null (its date, its answer or its plan). */
    private static int happened(Object... steps) {
        int count = 0;
        for (Object step : steps) {
            if (step != null) {
                count++;
            }
        }
        return count;
    }

    public record StructurePlan(int index, String code, String name, String region, String department,
            LocalDate registeredOn, double weight) {
    }

    public record CounsellorPlan(int index, int structure, String displayName, LocalDate activeFrom,
            boolean deliversCep) {
    }

    /** One structure's CNEFOP declaration for a period ({@code 2015}, {@code 2016-H1}). */
    public record DeclarationPlan(int structure, String period, BigDecimal level1Only, BigDecimal levels2And3Only,
            BigDecimal allLevels, BigDecimal support, boolean actionsEngaged, List<String> actions,
            boolean systematicTraining, BigDecimal trainingDays, Integer counsellorsTrained, Boolean mutualisedOfferUsed,
            List<String> mutualisedNatures, boolean level1Delivered, boolean trainingsFitNeeds, boolean cpfRulesMastered,
            boolean newFundersUsed, boolean sproToolsDeveloped, boolean cepKitUsedInternally) {

        public boolean atLeastOneCepTraining() {
            return actionsEngaged || trainingDays != null && trainingDays.signum() > 0;
        }
    }

    /** A level-1 contact; {@code routedTo} null when the person was not routed. */
    public record ContactPlan(int structure, int counsellor, LocalDate date, String channel, String request,
            String routedTo, boolean liaisonSheet) {
    }

    public enum Cohort {
        /** entered in 2015, left in 2015 */
        LEFT_2015,
        /** entered in 2015, left in the first half of 2016 */
        LEFT_2016_H1,
        /** entered in 2015, still there mid-2016 */
        STAYED,
        /** entered in the first half of 2016 */
        ENTERED_2016
    }

    /**
     * A person and what happens to them. {@code referent} is the registry's referent counsellor (portfolio), -1 for
     * none; {@code partnerReferral} people are created by Pôle emploi (partner role) and get their referent
     * afterwards.
     */
    public record PersonPlan(int index, int structure, Cohort cohort, String lastName, String firstName,
            LocalDate birthDate, String sex, String statusAtEntry, String boeType, LocalDate boeValidFrom,
            String qualificationLevel, int inactivityMonths, String orientationSource, boolean partnerReferral,
            String franceTravailId, LocalDate entryDate, int referent, LocalDate exitDate, String exitReason,
            ContactPlan level1Contact, DiagnosticPlan diagnostic, AccompanimentPlan accompaniment, CpfPlan cpf,
            ProjectPlan project) {

        public String key() {
            return "p" + index;
        }

        int requestCount() {
            // the registration, then the referent a partner's referral gets afterwards
            int count = 1 + (partnerReferral && referent >= 0 ? 1 : 0) + happened(exitDate, level1Contact, diagnostic);
            if (accompaniment != null) {
                count += accompaniment.requestCount();
            }
            if (cpf != null) {
                count += cpf.requestCount();
            }
            if (project != null) {
                count += project.requestCount();
            }
            return count;
        }
    }

    public record DiagnosticPlan(LocalDate on, String workAxis, List<String> barriers, int counsellor) {
    }

    public record AccompanimentPlan(LocalDate start, int level, String service, int referent, LocalDate levelChangeOn,
            LocalDate informedOn, List<InterviewPlan> interviews, List<ActionPlan> actions, LocalDate synthesisOn,
            LocalDate closedOn, String outcome) {

        int requestCount() {
            int count = 1 + interviews.size() + happened(levelChangeOn, informedOn, synthesisOn, closedOn);
            for (ActionPlan action : actions) {
                count += action.settlement() == null ? 1 : 2;
            }
            return count;
        }

        /** The level held on a day (a 2 → 3 change counts from its date). */
        public int levelOn(LocalDate day) {
            return levelChangeOn != null && !day.isBefore(levelChangeOn) ? 3 : level;
        }
    }

    public record InterviewPlan(LocalDate on, int minutes, String mode) {
    }

    /**
     * An action-plan item. {@code renewalOf} is the index (in the same accompaniment's list) of the PMSMP renewed, or
     * -1; {@code settlement} DONE, CANCELLED or null (still planned) on {@code settledOn}; a TRAINING action refers to
     * the person's CPF project.
     */
    public record ActionPlan(String kind, String label, LocalDate plannedOn, LocalDate startDate, LocalDate endDate,
            String pmsmpPurpose, String alternanceContract, int renewalOf, String settlement, LocalDate settledOn) {
    }

    public record CpfPlan(LocalDate presentedOn, String openingStep, LocalDate openingOn, LocalDate consentOn,
            String consentModality) {

        int requestCount() {
            return happened(presentedOn, openingStep, consentOn);
        }
    }

    public enum ProjectKind { NOT_IMPLEMENTED, NEW_FINANCIAL_ENGINEERING, SINGLE_FUNDER }

    /** A CPF training project, its funding lines in request order, and what became of it. */
    public record ProjectPlan(ProjectKind kind, String title, String certificationKind, String certificationCode,
            String eligibilityList, String eligibilityRegion, String trainingBody, LocalDate startDate,
            LocalDate endDate, int hours, BigDecimal cost, List<FundingPlan> funding, LocalDate startedOn,
            LocalDate completedOn, LocalDate notImplementedOn, List<String> notImplementedReasons) {

        int requestCount() {
            return 1 + funding.size() * 2 + happened(startedOn, completedOn, notImplementedOn);
        }
    }

    /** One funder's line and its answer ({@code decidedOn} in request order of the decisions). */
    public record FundingPlan(String funder, BigDecimal amount, Integer cpfHours, LocalDate requestedOn,
            String decision, BigDecimal grantedAmount, String refusalReason, LocalDate answeredOn) {
    }
}
