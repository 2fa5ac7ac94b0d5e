package fr.capemploi.cpf.domain;

import fr.capemploi.cpf.domain.rights.RuleBook;
import fr.capemploi.cpf.domain.rights.Texts;
import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a training project's funding lines add up to, and what could make it fail.
 *
 * <ul>
 *   <li>{@code totalRequested}: amounts of the lines still standing (not refused, not withdrawn);</li>
 *   <li>{@code totalGranted}: granted amounts of granted and partly granted lines;</li>
 *   <li>{@code pendingAmount}: amounts of lines awaiting an answer;</li>
 *   <li>{@code fundingGap}: cost minus total granted (negative when the grants exceed the cost);</li>
 *   <li>{@code newFinancialEngineering}: a CPF line and at least one line of another funder than the person
 *   themself, both still standing (awaiting an answer or granted, even partly): the combination the survey calls
 *   "nouvelles ingénieries financières".</li>
 * </ul>
 */
public record FundingPlan(BigDecimal cost, BigDecimal totalRequested, BigDecimal totalGranted, BigDecimal pendingAmount,
        BigDecimal fundingGap, boolean newFinancialEngineering, List<RiskWarning> warnings) {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public FundingPlan {
        warnings = List.copyOf(warnings);
    }

    /** One line of the plan as the plan sees it; {@code decision} is absent while the funder has not answered. */
    public record Line(Funder funder, BigDecimal amount, Integer cpfHours, Decision decision, BigDecimal grantedAmount) {

        public boolean standing() {
            return decision != Decision.REFUSED && decision != Decision.WITHDRAWN;
        }

        public BigDecimal granted() {
            return decision == Decision.GRANTED || decision == Decision.PARTLY_GRANTED ? grantedAmount : ZERO;
        }
    }

    /** The latest CPF balance recorded for the beneficiary. */
    public record Balance(BalanceUnit unit, BigDecimal amount, LocalDate asOf) {
    }

    public record Project(BigDecimal cost, LocalDate startDate, LocalDate endDate, EligibilityList eligibilityList) {
    }

    public static FundingPlan assess(Project project, List<Line> lines, Optional<Balance> balance, UsualCeilings ceilings) {
        BigDecimal requested = ZERO;
        BigDecimal granted = ZERO;
        BigDecimal pending = ZERO;
        BigDecimal cpfAmount = ZERO;
        int cpfHours = 0;
        boolean cpfLine = false;
        boolean otherFunderLine = false;
        for (Line line : lines) {
            granted = granted.add(line.granted());
            if (!line.standing()) {
                continue;
            }
            requested = requested.add(line.amount());
            if (line.decision() == null) {
                pending = pending.add(line.amount());
            }
            if (line.funder() == Funder.CPF) {
                cpfLine = true;
                cpfAmount = cpfAmount.add(line.amount());
                cpfHours += line.cpfHours() == null ? 0 : line.cpfHours();
            } else if (line.funder() != Funder.PERSONAL) {
                otherFunderLine = true;
            }
        }
        List<RiskWarning> warnings = new ArrayList<>();
        if (!project.endDate().isBefore(project.startDate().plusYears(1))) {
            warnings.add(new RiskWarning(RiskWarning.Code.LONGER_THAN_ONE_YEAR, null,
                    "La formation dure plus d'un an (du " + Texts.date(project.startDate()) + " au "
                            + Texts.date(project.endDate()) + ") : les financeurs prennent rarement en charge "
                            + "les formations longues."));
        }
        if (project.eligibilityList() == EligibilityList.NONE) {
            warnings.add(new RiskWarning(RiskWarning.Code.NOT_CPF_ELIGIBLE, null,
                    "La formation n'est pas éligible au CPF : sans CPF, certains financeurs ne prennent pas en "
                            + "charge un financement individuel."));
        }
        if (cpfLine && balance.isPresent()) {
            cpfBalanceShort(balance.get(), cpfAmount, cpfHours).ifPresent(warnings::add);
        }
        for (Line line : lines) {
            if (!line.standing()) {
                continue;
            }
            ceilings.of(line.funder()).filter(c -> line.amount().compareTo(c.amount()) > 0).ifPresent(c ->
                    warnings.add(new RiskWarning(RiskWarning.Code.COST_ABOVE_USUAL_CEILING, line.funder(),
                            "La demande à " + FunderNames.french(line.funder()) + " (" + Texts.euros(line.amount())
                                    + ") dépasse son plafond d'usage (" + Texts.euros(c.amount()) + ").")));
        }
        return new FundingPlan(project.cost(), requested, granted, pending, project.cost().subtract(granted),
                cpfLine && otherFunderLine, warnings);
    }

    /** Hours balances (before 2019) compare with CPF hours requested, euro balances with amounts. */
    private static Optional<RiskWarning> cpfBalanceShort(Balance balance, BigDecimal cpfAmount, int cpfHours) {
        String asOf = " au " + Texts.date(balance.asOf());
        if (balance.unit() == BalanceUnit.EUROS && balance.amount().compareTo(cpfAmount) < 0) {
            return Optional.of(new RiskWarning(RiskWarning.Code.CPF_BALANCE_SHORT, Funder.CPF,
                    "Le solde CPF relevé (" + Texts.euros(balance.amount()) + asOf + ") est inférieur au montant "
                            + "demandé au CPF (" + Texts.euros(cpfAmount) + ")."));
        }
        if (balance.unit() == BalanceUnit.HOURS && cpfHours > 0
                && balance.amount().compareTo(BigDecimal.valueOf(cpfHours)) < 0) {
            return Optional.of(new RiskWarning(RiskWarning.Code.CPF_BALANCE_SHORT, Funder.CPF,
                    "Le solde CPF relevé (" + Texts.amount(balance.amount(), RuleBook.Unit.HOURS) + asOf
                            + ") est inférieur aux heures demandées au CPF (" + cpfHours + " h)."));
        }
        return Optional.empty();
    }
}
