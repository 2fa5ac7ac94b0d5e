package fr.capemploi.cep.domain;

import fr.capemploi.platform.problem.UnknownReferenceException;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.platform.domain.RuleViolation;
import java.time.LocalDate;
import java.util.List;

/**
 * The legal frame of a période de mise en situation en milieu professionnel (code du travail, L5135-1 s.): at most one
 * month, renewable once for the same purpose. A renewal names the PMSMP it renews; a renewal of a renewal would be
 * a second renewal.
 */
public final class PmsmpRules {

    private PmsmpRules() {
    }

    /** One calendar month from the first day: starting on 10 March, the last day is 9 April. */
    public static LocalDate latestEnd(LocalDate start) {
        return start.plusMonths(1).minusDays(1);
    }

    public static void checkDuration(LocalDate start, LocalDate end) {
        if (end.isAfter(latestEnd(start))) {
            throw new RuleViolation("endDate", "a PMSMP lasts at most one month: starting on " + start
                    + ", it must end on " + latestEnd(start) + " at the latest");
        }
    }

    /** @param plan the accompaniment's items, the renewed one among them */
    public static void checkRenewal(ActionSpec renewal, List<PlannedAction> plan) {
        PlannedAction renewed = plan.stream().filter(a -> a.id().equals(renewal.renewalOf())).findFirst()
                .orElseThrow(() -> new UnknownReferenceException("renewalOf", "Action", renewal.renewalOf()));
        if (renewed.kind() != ActionKind.PMSMP) {
            throw new RuleViolation("renewalOf", "only a PMSMP can be renewed; this action is a " + renewed.kind());
        }
        if (renewed.renewalOf() != null) {
            throw new IllegalTransition("renewalOf", "a PMSMP is renewable once: action " + renewed.id()
                    + " is already the renewal of " + renewed.renewalOf());
        }
        if (renewed.status() == ActionStatus.CANCELLED) {
            throw new IllegalTransition("renewalOf", "the PMSMP " + renewed.id() + " was cancelled; it cannot be renewed");
        }
        plan.stream()
                .filter(a -> renewed.id().equals(a.renewalOf()) && a.status() != ActionStatus.CANCELLED)
                .findFirst()
                .ifPresent(existing -> {
                    throw new IllegalTransition("renewalOf", "a PMSMP is renewable once: " + renewed.id()
                            + " was already renewed by " + existing.id());
                });
        if (renewal.pmsmpPurpose() != renewed.pmsmpPurpose()) {
            throw new RuleViolation("pmsmpPurpose", "a renewal keeps the purpose of the PMSMP it renews ("
                    + renewed.pmsmpPurpose() + ")");
        }
        if (!renewal.startDate().isAfter(renewed.endDate())) {
            throw new RuleViolation("startDate", "a renewal starts after the PMSMP it renews ended ("
                    + renewed.endDate() + ")");
        }
    }
}
