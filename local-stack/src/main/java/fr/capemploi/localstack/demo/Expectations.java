package fr.capemploi.localstack.demo;

import fr.capemploi.localstack.demo.NetworkPlan.AccompanimentPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ActionPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ContactPlan;
import fr.capemploi.localstack.demo.NetworkPlan.CounsellorPlan;
import fr.capemploi.localstack.demo.NetworkPlan.DeclarationPlan;
import fr.capemploi.localstack.demo.NetworkPlan.FundingPlan;
import fr.capemploi.localstack.demo.NetworkPlan.PersonPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ProjectPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the reporting service must find in the data the demo sends, computed from the plan with the counting rules of
 * the product specification ("How periods and counts work"), not read back from the service: facts belong to a
 * period by their business date; accompanied people have an accompaniment active in the period (opened by its end,
 * not closed before its start); shares of structures are over the structures registered at its end; declared
 * figures are summed or shared over the structures that declared for exactly that period.
 */
public final class Expectations {

    /** An expected indicator: its value rounded as the service rounds it, and what it is made of. */
    public record Expected(String indicatorId, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    private final NetworkPlan plan;

    public Expectations(NetworkPlan plan) {
        this.plan = plan;
    }

    /** Every calibrated indicator for a period ({@code 2015}, {@code 2016}, {@code 2016-H1}...). */
    public Map<String, Expected> forPeriod(String period) {
        LocalDate ps = start(period);
        LocalDate pe = end(period);
        Map<String, Expected> out = new LinkedHashMap<>();
        long registered = plan.structures().stream().filter(s -> !s.registeredOn().isAfter(pe)).count();
        Set<Integer> registeredSet = plan.structures().stream().filter(s -> !s.registeredOn().isAfter(pe))
                .map(NetworkPlan.StructurePlan::index).collect(Collectors.toSet());

        // 2: level 1 traced (a contact dated in the period) / declared delivered
        Set<Integer> tracing = contacts().stream().filter(c -> in(c.date(), ps, pe)).map(ContactPlan::structure)
                .filter(registeredSet::contains).collect(Collectors.toSet());
        out.put("structures-tracing-level1", percent("structures-tracing-level1", tracing.size(), registered));
        List<DeclarationPlan> decl = plan.declarations().stream().filter(d -> d.period().equals(period))
                .filter(d -> registeredSet.contains(d.structure())).toList();
        out.put("structures-declaring-level1", percent("structures-declaring-level1",
                decl.stream().filter(DeclarationPlan::level1Delivered).count(), decl.size()));

        // 3: active counsellors with a CEP act in the period
        Set<Integer> acting = new HashSet<>();
        contacts().stream().filter(c -> in(c.date(), ps, pe)).forEach(c -> acting.add(c.counsellor()));
        for (PersonPlan p : plan.people()) {
            AccompanimentPlan a = p.accompaniment();
            if (a == null) {
                continue;
            }
            a.interviews().stream().filter(i -> in(i.on(), ps, pe)).forEach(i -> acting.add(a.referent()));
            if (active(a, ps, pe)) {
                acting.add(a.referent());
            }
        }
        List<CounsellorPlan> activeCounsellors = plan.counsellors().stream()
                .filter(c -> !c.activeFrom().isAfter(pe)).toList();
        out.put("counsellors-delivering-cep", percent("counsellors-delivering-cep",
                activeCounsellors.stream().filter(c -> acting.contains(c.index())).count(), activeCounsellors.size()));

        // 4: structures with an accompaniment active in the period
        List<PersonPlan> accompanied = plan.people().stream()
                .filter(p -> p.accompaniment() != null && active(p.accompaniment(), ps, pe)).toList();
        out.put("structures-recording-cep", percent("structures-recording-cep",
                accompanied.stream().map(PersonPlan::structure).filter(registeredSet::contains).distinct().count(),
                registered));

        // 5, 6: accompanied people informed / presented / assisted / consenting by the period's end
        out.put("informed-about-cep", share("informed-about-cep", accompanied,
                p -> onOrBefore(p.accompaniment().informedOn(), pe)));
        out.put("cpf-presented", share("cpf-presented", accompanied,
                p -> p.cpf() != null && onOrBefore(p.cpf().presentedOn(), pe)));
        out.put("cpf-opening-assisted", share("cpf-opening-assisted", accompanied,
                p -> p.cpf() != null && "ASSISTED".equals(p.cpf().openingStep()) && onOrBefore(p.cpf().openingOn(), pe)));
        out.put("cpf-consent-collected", share("cpf-consent-collected", accompanied,
                p -> p.cpf() != null && onOrBefore(p.cpf().consentOn(), pe)));

        // 7: PMSMP and alternance by planned date (prescribed) and done date (done)
        out.put("pmsmp-prescribed", count("pmsmp-prescribed", actions("PMSMP", a -> in(a.plannedOn(), ps, pe))));
        out.put("pmsmp-done", count("pmsmp-done", actions("PMSMP", a -> "DONE".equals(a.settlement())
                && in(a.settledOn(), ps, pe))));
        out.put("alternance-prescribed", count("alternance-prescribed",
                actions("ALTERNANCE", a -> in(a.plannedOn(), ps, pe))));
        out.put("alternance-done", count("alternance-done", actions("ALTERNANCE", a -> "DONE".equals(a.settlement())
                && in(a.settledOn(), ps, pe))));

        // 8: trainings not implemented (outcome date), new financial engineering (first decision's period)
        Set<Integer> notImplemented = plan.people().stream().filter(p -> p.project() != null)
                .filter(p -> in(p.project().notImplementedOn(), ps, pe)).map(PersonPlan::structure)
                .filter(registeredSet::contains).collect(Collectors.toSet());
        out.put("structures-training-not-implemented", percent("structures-training-not-implemented",
                notImplemented.size(), registered));
        Set<Integer> engineered = plan.people().stream().filter(p -> p.project() != null)
                .filter(p -> newFinancialEngineering(p.project()))
                .filter(p -> in(firstDecision(p.project()), ps, pe)).map(PersonPlan::structure)
                .filter(registeredSet::contains).collect(Collectors.toSet());
        out.put("structures-new-financial-engineering", percent("structures-new-financial-engineering",
                engineered.size(), registered));
        out.put("structures-no-new-funder", percent("structures-no-new-funder",
                decl.stream().filter(d -> !d.newFundersUsed()).count(), decl.size()));

        // 9: entries of the period via Pôle emploi
        List<PersonPlan> entries = plan.people().stream().filter(p -> in(p.entryDate(), ps, pe)).toList();
        out.put("entries-by-orientation-source", share("entries-by-orientation-source", entries,
                p -> "POLE_EMPLOI".equals(p.orientationSource())));

        // 10: present people with a referent at the period's end / referents with at least one
        List<PersonPlan> inPortfolio = plan.people().stream().filter(p -> p.referent() >= 0)
                .filter(p -> !p.entryDate().isAfter(pe) && (p.exitDate() == null || p.exitDate().isAfter(pe)))
                .toList();
        long referents = inPortfolio.stream().map(PersonPlan::referent).distinct().count();
        out.put("average-portfolio", ratio("average-portfolio", BigDecimal.valueOf(inPortfolio.size()),
                BigDecimal.valueOf(referents)));

        // 11: declared FTE
        out.put("declared-fte-level1-only", sum("declared-fte-level1-only", decl, DeclarationPlan::level1Only));
        out.put("declared-fte-levels-2-3-only", sum("declared-fte-levels-2-3-only", decl,
                DeclarationPlan::levels2And3Only));
        out.put("declared-fte-all-levels", sum("declared-fte-all-levels", decl, DeclarationPlan::allLevels));
        out.put("declared-fte-total", sum("declared-fte-total", decl,
                d -> d.level1Only().add(d.levels2And3Only()).add(d.allLevels())));
        out.put("declared-fte-support", sum("declared-fte-support", decl, DeclarationPlan::support));

        // 12: professionalisation
        out.put("professionalisation-actions", percent("professionalisation-actions",
                decl.stream().filter(DeclarationPlan::actionsEngaged).count(), decl.size()));
        out.put("systematic-training", percent("systematic-training",
                decl.stream().filter(DeclarationPlan::systematicTraining).count(), decl.size()));
        List<DeclarationPlan> trained = decl.stream().filter(d -> d.trainingDays() != null
                && d.counsellorsTrained() != null && d.counsellorsTrained() > 0).toList();
        out.put("cep-training-days-per-counsellor", ratio("cep-training-days-per-counsellor",
                trained.stream().map(DeclarationPlan::trainingDays).reduce(BigDecimal.ZERO, BigDecimal::add),
                BigDecimal.valueOf(trained.stream().mapToInt(DeclarationPlan::counsellorsTrained).sum())));
        List<DeclarationPlan> answeredMutualised = decl.stream().filter(d -> d.mutualisedOfferUsed() != null).toList();
        out.put("mutualised-offer-used", percent("mutualised-offer-used",
                answeredMutualised.stream().filter(DeclarationPlan::mutualisedOfferUsed).count(),
                answeredMutualised.size()));
        out.put("at-least-one-cep-training", percent("at-least-one-cep-training",
                decl.stream().filter(DeclarationPlan::atLeastOneCepTraining).count(), decl.size()));

        out.put("structures-registered", count("structures-registered", registered));
        out.put("declarations", count("declarations", decl.size()));
        out.put("accompanied", count("accompanied", accompanied.size()));
        out.put("entries", count("entries", entries.size()));
        return out;
    }

    /**
     * Whether a project counts for new financial engineering: after one of its decisions, a CPF line and a line of
     * another funder than the person are both standing (requested or granted). All lines are requested before the
     * first decision, and decisions are sent in the order of the plan.
     */
    static boolean newFinancialEngineering(ProjectPlan project) {
        List<FundingPlan> lines = project.funding();
        boolean[] refused = new boolean[lines.size()];
        boolean any = false;
        for (int k = 0; k < lines.size(); k++) {
            String decision = lines.get(k).decision();
            refused[k] = "REFUSED".equals(decision) || "WITHDRAWN".equals(decision);
            boolean cpf = false;
            boolean other = false;
            for (int i = 0; i < lines.size(); i++) {
                if (refused[i]) {
                    continue;
                }
                String funder = lines.get(i).funder();
                cpf |= "CPF".equals(funder);
                other |= !"CPF".equals(funder) && !"PERSONAL".equals(funder);
            }
            any |= cpf && other;
        }
        return any;
    }

    static LocalDate firstDecision(ProjectPlan project) {
        return project.funding().stream().map(FundingPlan::answeredOn).min(LocalDate::compareTo).orElse(null);
    }

    /** Opened by the period's end and not closed before its start. */
    static boolean active(AccompanimentPlan a, LocalDate ps, LocalDate pe) {
        return !a.start().isAfter(pe) && (a.closedOn() == null || !a.closedOn().isBefore(ps));
    }

    private List<ContactPlan> contacts() {
        List<ContactPlan> all = new java.util.ArrayList<>(plan.anonymousContacts());
        plan.people().stream().map(PersonPlan::level1Contact).filter(c -> c != null).forEach(all::add);
        return all;
    }

    private long actions(String kind, Predicate<ActionPlan> filter) {
        return plan.people().stream().filter(p -> p.accompaniment() != null)
                .flatMap(p -> p.accompaniment().actions().stream())
                .filter(a -> a.kind().equals(kind)).filter(filter).count();
    }

    private static Expected share(String id, List<PersonPlan> people, Predicate<PersonPlan> yes) {
        return percent(id, people.stream().filter(yes).count(), people.size());
    }

    private static Expected percent(String id, long numerator, long denominator) {
        BigDecimal value = denominator == 0 ? null : BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
        return new Expected(id, value, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    private static Expected ratio(String id, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal value = denominator.signum() == 0 ? null : numerator.divide(denominator, 2, RoundingMode.HALF_UP);
        return new Expected(id, value, numerator, denominator);
    }

    private static Expected count(String id, long count) {
        return new Expected(id, BigDecimal.valueOf(count), BigDecimal.valueOf(count), null);
    }

    private static Expected sum(String id, List<DeclarationPlan> declarations,
            Function<DeclarationPlan, BigDecimal> figure) {
        BigDecimal total = declarations.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Expected(id, declarations.isEmpty() ? null : total, total, null);
    }

    private static boolean in(LocalDate day, LocalDate ps, LocalDate pe) {
        return day != null && !day.isBefore(ps) && !day.isAfter(pe);
    }

    private static boolean onOrBefore(LocalDate day, LocalDate pe) {
        return day != null && !day.isAfter(pe);
    }

    static LocalDate start(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return period.endsWith("-H2") ? LocalDate.of(year, 7, 1) : LocalDate.of(year, 1, 1);
    }

    static LocalDate end(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        return period.endsWith("-H1") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }
}
