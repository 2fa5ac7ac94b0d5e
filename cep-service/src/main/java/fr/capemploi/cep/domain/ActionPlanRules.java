package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.platform.domain.RuleViolation;
import java.util.List;

/** What each kind of action-plan item must say, and must not: a field of another kind is an error, not noise. */
public final class ActionPlanRules {

    private ActionPlanRules() {
    }

    public static void check(ActionSpec spec, List<PlannedAction> plan) {
        if (spec.endDate() != null && spec.startDate() == null) {
            throw new RuleViolation("startDate", "is required when endDate is given");
        }
        if (spec.startDate() != null && spec.startDate().isBefore(spec.plannedOn())) {
            throw new RuleViolation("startDate", "must not be before plannedOn (" + spec.plannedOn() + ")");
        }
        if (spec.startDate() != null && spec.endDate() != null && spec.endDate().isBefore(spec.startDate())) {
            throw new RuleViolation("endDate", "must not be before startDate (" + spec.startDate() + ")");
        }
        boolean pmsmp = spec.kind() == ActionKind.PMSMP;
        if (pmsmp) {
            require("pmsmpPurpose", spec.pmsmpPurpose(), "a PMSMP");
            require("startDate", spec.startDate(), "a PMSMP");
            require("endDate", spec.endDate(), "a PMSMP");
            PmsmpRules.checkDuration(spec.startDate(), spec.endDate());
            if (spec.renewalOf() != null) {
                PmsmpRules.checkRenewal(spec, plan);
            }
        } else {
            forbid("pmsmpPurpose", spec.pmsmpPurpose(), "a PMSMP");
            forbid("hostName", spec.hostName(), "a PMSMP");
            forbid("hostSiret", spec.hostSiret(), "a PMSMP");
            forbid("renewalOf", spec.renewalOf(), "a PMSMP");
        }
        if (spec.kind() == ActionKind.ALTERNANCE) {
            require("alternanceContract", spec.alternanceContract(), "an alternance");
        } else {
            forbid("alternanceContract", spec.alternanceContract(), "an alternance");
        }
        if (spec.kind() == ActionKind.TRAINING) {
            require("cpfTrainingProjectId", spec.cpfTrainingProjectId(), "a training");
        } else {
            forbid("cpfTrainingProjectId", spec.cpfTrainingProjectId(), "a training");
        }
    }

    private static void require(String field, Object value, String kind) {
        if (value == null) {
            throw new RuleViolation(field, "is required for " + kind);
        }
    }

    private static void forbid(String field, Object value, String kind) {
        if (value != null) {
            throw new RuleViolation(field, "applies only to " + kind);
        }
    }
}
