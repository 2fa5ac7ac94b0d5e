package fr.capemploi.cpf.domain.rights;

import fr.capemploi.cpf.domain.rights.RuleBook.AccrualRule;
import fr.capemploi.cpf.domain.rights.RuleBook.CoPaymentRule;
import fr.capemploi.cpf.domain.rights.RuleBook.ConversionRule;
import fr.capemploi.cpf.domain.rights.RuleBook.Exemption;
import fr.capemploi.cpf.domain.rights.RuleBook.ProRata;
import fr.capemploi.cpf.domain.rights.RuleBook.Tier;
import fr.capemploi.cpf.domain.rights.RuleBook.Unit;
import fr.capemploi.cpf.domain.rights.Simulation.CoPayment;
import fr.capemploi.cpf.domain.rights.Simulation.Kind;
import fr.capemploi.cpf.domain.rights.Simulation.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes CPF rights from yearly activity by applying the {@link RuleBook}. Rights of activity year N are credited
 * in N + 1; hours held when the conversion date comes (and hours of later credits of hours-regime years) become
 * euros at the conversion rate; when a person falls in several categories in a year, the most favourable rule
 * applies (the largest credit, then the highest ceiling), as the Caisse des dépôts does. Mobilisations of the
 * account are not known to the calculator: it gives the rights acquired, not what is left after spending.
 */
public class RightsCalculator {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final int WORK_SCALE = 20;
    private static final int NOISE_SCALE = 8;

    private final RuleBook rules;

    public RightsCalculator(RuleBook rules) {
        this.rules = rules;
    }

    public RuleBook rules() {
        return rules;
    }

    public Simulation simulate(List<ActivityYear> years, TrainingPurchase training) {
        validate(years);
        List<ActivityYear> ordered = years.stream().sorted(Comparator.comparingInt(ActivityYear::year)).toList();
        Account account = new Account();
        List<Line> lines = new ArrayList<>();
        for (ActivityYear year : ordered) {
            int creditYear = year.year() + 1;
            convertIfDue(account, LocalDate.of(creditYear, 1, 1), lines);
            lines.add(credit(account, year, creditYear));
        }
        // the account holds euros today whatever the years simulated: hours left are converted as they were in 2019
        rules.firstConversion().ifPresent(conversion -> convertIfDue(account, conversion.on(), lines));
        CoPayment coPayment = training == null ? null : coPayment(training, account.euros);
        return new Simulation(lines, account.hours, account.euros, coPayment);
    }

    private void validate(List<ActivityYear> years) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < years.size(); i++) {
            ActivityYear year = years.get(i);
            if (!seen.add(year.year())) {
                throw new SimulationInputException("years[" + i + "].year", "year " + year.year() + " is given twice");
            }
            if (rules.accrualRulesFor(year.year(), year.categories()).isEmpty()) {
                throw new SimulationInputException("years[" + i + "].year", "no CPF accrual rule covers "
                        + year.year() + "; the CPF starts with activity year " + rules.firstActivityYear());
            }
        }
    }

    /** Balances as the account holds them: hours until the conversion, euros from then on. */
    private static final class Account {
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal euros = BigDecimal.ZERO.setScale(2);
        /** Hours acquired in the hours regime, converted or not: the hour ceilings apply to them. */
        BigDecimal hoursAcquired = BigDecimal.ZERO;
        ConversionRule conversion;
    }

    private void convertIfDue(Account account, LocalDate date, List<Line> lines) {
        if (account.conversion != null) {
            return;
        }
        Optional<ConversionRule> due = rules.conversionBy(date);
        if (due.isEmpty()) {
            return;
        }
        ConversionRule conversion = due.get();
        account.conversion = conversion;
        if (account.hours.signum() == 0) {
            return;
        }
        BigDecimal hours = account.hours;
        BigDecimal euros = hours.multiply(conversion.eurosPerHour()).setScale(2, RoundingMode.HALF_UP);
        account.euros = account.euros.add(euros);
        account.hours = BigDecimal.ZERO;
        lines.add(new Line(Kind.CONVERSION, null, conversion.on().getYear(), conversion.id(), conversion.label(),
                conversion.source(), Unit.EUROS, null, hours, euros, false, account.hours, account.euros,
                "Conversion au " + Texts.date(conversion.on()) + " : " + Texts.hours(hours) + " × "
                        + Texts.euros(conversion.eurosPerHour()) + " = " + Texts.euros(euros)));
    }

    /** What one rule would credit: {@code raw} before rounding, {@code uncapped} rounded, {@code credit} capped. */
    private record Candidate(AccrualRule rule, BigDecimal share, BigDecimal raw, BigDecimal uncapped, BigDecimal credit) {
    }

    private Line credit(Account account, ActivityYear year, int creditYear) {
        Candidate best = rules.accrualRulesFor(year.year(), year.categories()).stream()
                .map(rule -> candidate(rule, year, account))
                .max(Comparator.comparing(Candidate::credit).thenComparing(c -> c.rule().ceiling()))
                .orElseThrow();
        AccrualRule rule = best.rule();
        boolean capped = best.credit().compareTo(best.uncapped()) < 0;
        BigDecimal creditedHours = null;
        BigDecimal creditedEuros = null;
        String conversionText = "";
        if (rule.unit() == Unit.HOURS) {
            creditedHours = best.credit();
            account.hoursAcquired = account.hoursAcquired.add(creditedHours);
            if (account.conversion != null) {
                // hours of a year before the conversion, credited after it, reach the account as euros
                creditedEuros = creditedHours.multiply(account.conversion.eurosPerHour()).setScale(2, RoundingMode.HALF_UP);
                account.euros = account.euros.add(creditedEuros);
                conversionText = ", converties à " + Texts.euros(account.conversion.eurosPerHour()) + " de l'heure ("
                        + account.conversion.id() + ") soit " + Texts.euros(creditedEuros);
            } else {
                account.hours = account.hours.add(creditedHours);
            }
        } else {
            creditedEuros = best.credit();
            account.euros = account.euros.add(creditedEuros);
        }
        String explanation = "Année " + year.year() + " : " + shareText(rule, best.share(), year)
                + amountText(rule, best) + (capped ? "; plafond de " + Texts.amount(rule.ceiling(), rule.unit())
                + " atteint, " + Texts.amount(best.credit(), rule.unit()) + " retenus" : "")
                + conversionText + " ; crédité en " + creditYear + ".";
        return new Line(Kind.CREDIT, year.year(), creditYear, rule.id(), rule.label(), rule.source(), rule.unit(),
                best.share().setScale(4, RoundingMode.HALF_UP), creditedHours, creditedEuros, capped,
                account.hours, account.euros, explanation);
    }

    private Candidate candidate(AccrualRule rule, ActivityYear year, Account account) {
        BigDecimal share = switch (rule.proRata()) {
            case NONE -> BigDecimal.ONE;
            case PROPORTIONAL -> year.workShare(rule.referenceHours());
            case BELOW_HALF_TIME -> {
                BigDecimal worked = year.workShare(rule.referenceHours());
                yield worked.compareTo(HALF) >= 0 ? BigDecimal.ONE : worked;
            }
        };
        BigDecimal balance = rule.unit() == Unit.HOURS ? account.hoursAcquired : account.euros;
        BigDecimal raw = tiered(rule, share, balance).setScale(NOISE_SCALE, RoundingMode.HALF_UP);
        BigDecimal uncapped = raw.setScale(rule.roundingScale(), RoundingMode.UP);
        BigDecimal room = rule.ceiling().subtract(balance).max(BigDecimal.ZERO);
        BigDecimal credit = uncapped.min(room).setScale(rule.roundingScale(), RoundingMode.DOWN);
        return new Candidate(rule, share, raw, uncapped, credit);
    }

    /**
     * The yearly credit through the tiers: a share of year spent filling a lower tier up to its bound is not
     * credited again at the next tier's rate. The last tier is left open: the ceiling cuts it afterwards, so that
     * a cut credit shows as capped.
     */
    private static BigDecimal tiered(AccrualRule rule, BigDecimal share, BigDecimal balance) {
        BigDecimal remainingShare = share;
        BigDecimal level = balance;
        BigDecimal credit = BigDecimal.ZERO;
        List<Tier> tiers = rule.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (remainingShare.signum() <= 0) {
                break;
            }
            if (!last && level.compareTo(tier.upTo()) >= 0) {
                continue;
            }
            BigDecimal possible = tier.rate().multiply(remainingShare);
            BigDecimal room = tier.upTo().subtract(level);
            if (last || possible.compareTo(room) <= 0) {
                credit = credit.add(possible);
                remainingShare = BigDecimal.ZERO;
            } else {
                credit = credit.add(room);
                level = tier.upTo();
                remainingShare = remainingShare.subtract(room.divide(tier.rate(), WORK_SCALE, RoundingMode.HALF_UP));
            }
        }
        return credit;
    }

    private static String shareText(AccrualRule rule, BigDecimal share, ActivityYear year) {
        if (rule.proRata() == ProRata.NONE) {
            return "année d'admission en ESAT, ";
        }
        BigDecimal worked = year.workShare(rule.referenceHours());
        if (rule.proRata() == ProRata.BELOW_HALF_TIME) {
            return worked.compareTo(HALF) >= 0 ? "au moins un mi-temps, " : Texts.percent(worked)
                    + " d'un temps complet (moins d'un mi-temps, prorata de " + Texts.number(rule.referenceHours())
                    + " h), ";
        }
        return share.compareTo(BigDecimal.ONE) >= 0 ? "temps complet, " : Texts.percent(share)
                + " d'un temps complet (prorata de " + Texts.number(rule.referenceHours()) + " h), ";
    }

    private static String amountText(AccrualRule rule, Candidate candidate) {
        String text = "règle " + rule.id() + " : " + Texts.precise(candidate.raw(), rule.unit());
        if (candidate.raw().compareTo(candidate.uncapped()) != 0) {
            text += ", arrondi " + (rule.unit() == Unit.HOURS ? "à l'heure supérieure" : "au centime supérieur")
                    + " : " + Texts.amount(candidate.uncapped(), rule.unit());
        }
        return text;
    }

    private CoPayment coPayment(TrainingPurchase training, BigDecimal balanceEuros) {
        CoPaymentRule rule = rules.coPaymentOn(training.purchaseDate()).orElseThrow(() -> new SimulationInputException(
                "training.purchaseDate", "no co-payment rule covers " + training.purchaseDate()));
        boolean outdated = !rule.appliesOn(training.purchaseDate());
        Exemption exemption = null;
        if (training.jobSeeker() && rule.exemptions().contains(Exemption.JOB_SEEKER)) {
            exemption = Exemption.JOB_SEEKER;
        } else if (training.employerCoFunding() && rule.exemptions().contains(Exemption.EMPLOYER_CO_FUNDING)) {
            exemption = Exemption.EMPLOYER_CO_FUNDING;
        }
        BigDecimal cost = training.cost().setScale(2, RoundingMode.UNNECESSARY);
        // the participation is part of the price: it can never exceed it
        BigDecimal amount = exemption != null ? BigDecimal.ZERO.setScale(2) : rule.amount().setScale(2).min(cost);
        BigDecimal cpfCanCover = balanceEuros.min(cost.subtract(amount));
        BigDecimal remaining = cost.subtract(amount).subtract(cpfCanCover);
        String explanation;
        if (exemption != null) {
            explanation = "Pas de participation forfaitaire (règle " + rule.id() + ") : "
                    + (exemption == Exemption.JOB_SEEKER ? "le titulaire est demandeur d'emploi"
                            : "l'employeur abonde le CPF pour cette formation") + ".";
        } else if (amount.signum() == 0) {
            explanation = "Pas de participation forfaitaire à la date d'achat du " + Texts.date(training.purchaseDate())
                    + " (règle " + rule.id() + ").";
        } else {
            explanation = "Participation forfaitaire de " + Texts.euros(amount) + " à la charge du titulaire (règle "
                    + rule.id() + ")" + (outdated ? " ; montant du " + Texts.date(rule.from())
                    + ", dernier connu du calculateur : il est revalorisé chaque 1er janvier" : "") + ".";
        }
        explanation += " Le CPF simulé couvre " + Texts.euros(cpfCanCover) + " ; reste à financer "
                + Texts.euros(remaining) + ".";
        return new CoPayment(rule.id(), rule.label(), rule.source(), amount, exemption, outdated, cpfCanCover, remaining,
                explanation);
    }
}
