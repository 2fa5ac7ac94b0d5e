package fr.capemploi.cpf.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.cpf.domain.FundingPlan.Balance;
import fr.capemploi.cpf.domain.FundingPlan.Line;
import fr.capemploi.cpf.domain.FundingPlan.Project;
import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FundingPlanTest {

    private static final UsualCeilings CEILINGS = UsualCeilings.fromClasspath();
    private static final Project PROJECT = new Project(eur("4830.50"), LocalDate.of(2016, 9, 12),
            LocalDate.of(2017, 3, 31), EligibilityList.COPAREF);

    private static BigDecimal eur(String value) {
        return new BigDecimal(value);
    }

    private static Line pending(Funder funder, String amount) {
        return new Line(funder, eur(amount), null, null, null);
    }

    private static Line decided(Funder funder, String amount, Decision decision, String granted) {
        return new Line(funder, eur(amount), null, decision, eur(granted));
    }

    @Test
    void anEmptyPlanLeavesTheWholeCostToFund() {
        FundingPlan plan = FundingPlan.assess(PROJECT, List.of(), Optional.empty(), CEILINGS);
        assertThat(plan.totalRequested()).isEqualTo(eur("0.00"));
        assertThat(plan.totalGranted()).isEqualTo(eur("0.00"));
        assertThat(plan.fundingGap()).isEqualTo(eur("4830.50"));
        assertThat(plan.newFinancialEngineering()).isFalse();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void grantsPartialGrantsRefusalsAndWithdrawalsAddUp() {
        FundingPlan plan = FundingPlan.assess(PROJECT, List.of(
                decided(Funder.CPF, "1440.00", Decision.GRANTED, "1440.00"),
                decided(Funder.AGEFIPH, "2000.00", Decision.PARTLY_GRANTED, "1500.00"),
                decided(Funder.AIF_POLE_EMPLOI, "1000.00", Decision.REFUSED, "0.00"),
                decided(Funder.PERSONAL, "390.50", Decision.WITHDRAWN, "0.00"),
                pending(Funder.REGION, "890.50")), Optional.empty(), CEILINGS);
        assertThat(plan.totalRequested()).isEqualTo(eur("4330.50"));
        assertThat(plan.totalGranted()).isEqualTo(eur("2940.00"));
        assertThat(plan.pendingAmount()).isEqualTo(eur("890.50"));
        assertThat(plan.fundingGap()).isEqualTo(eur("1890.50"));
        assertThat(plan.newFinancialEngineering()).isTrue();
    }

    @Test
    void grantsAboveTheCostGiveANegativeGap() {
        FundingPlan plan = FundingPlan.assess(PROJECT, List.of(
                decided(Funder.REGION, "4830.50", Decision.GRANTED, "4830.50"),
                decided(Funder.OPCA, "100.00", Decision.GRANTED, "100.00")), Optional.empty(), CEILINGS);
        assertThat(plan.fundingGap()).isEqualTo(eur("-100.00"));
    }

    @Test
    void newFinancialEngineeringNeedsAStandingCpfLineAndAnotherStandingFunderThanThePerson() {
        assertThat(FundingPlan.assess(PROJECT, List.of(pending(Funder.CPF, "100"), pending(Funder.PERSONAL, "100")),
                Optional.empty(), CEILINGS).newFinancialEngineering()).isFalse();
        assertThat(FundingPlan.assess(PROJECT, List.of(pending(Funder.CPF, "100"),
                decided(Funder.AGEFIPH, "100", Decision.REFUSED, "0")), Optional.empty(), CEILINGS)
                .newFinancialEngineering()).isFalse();
        assertThat(FundingPlan.assess(PROJECT, List.of(decided(Funder.CPF, "100", Decision.WITHDRAWN, "0"),
                pending(Funder.AGEFIPH, "100")), Optional.empty(), CEILINGS).newFinancialEngineering()).isFalse();
        assertThat(FundingPlan.assess(PROJECT, List.of(pending(Funder.CPF, "100"), pending(Funder.EMPLOYER, "100")),
                Optional.empty(), CEILINGS).newFinancialEngineering()).isTrue();
        assertThat(FundingPlan.assess(PROJECT, List.of(pending(Funder.AGEFIPH, "100"), pending(Funder.REGION, "100")),
                Optional.empty(), CEILINGS).newFinancialEngineering()).isFalse();
    }

    @Test
    void aTrainingOfExactlyOneYearIsNotLongerThanOneYear() {
        Project oneYear = new Project(eur("100"), LocalDate.of(2020, 3, 2), LocalDate.of(2021, 3, 1),
                EligibilityList.RNCP_RS);
        Project longer = new Project(eur("100"), LocalDate.of(2020, 3, 2), LocalDate.of(2021, 3, 2),
                EligibilityList.RNCP_RS);
        assertThat(FundingPlan.assess(oneYear, List.of(), Optional.empty(), CEILINGS).warnings()).isEmpty();
        assertThat(FundingPlan.assess(longer, List.of(), Optional.empty(), CEILINGS).warnings())
                .extracting(RiskWarning::code).containsExactly(RiskWarning.Code.LONGER_THAN_ONE_YEAR);
    }

    @Test
    void theCpfBalanceIsComparedInItsOwnUnit() {
        Line cpfHours = new Line(Funder.CPF, eur("720.00"), 48, null, null);
        Balance hours = new Balance(BalanceUnit.HOURS, eur("24"), LocalDate.of(2016, 5, 2));
        assertThat(FundingPlan.assess(PROJECT, List.of(cpfHours), Optional.of(hours), CEILINGS).warnings())
                .singleElement().satisfies(w -> {
                    assertThat(w.code()).isEqualTo(RiskWarning.Code.CPF_BALANCE_SHORT);
                    assertThat(w.explanation()).contains("24 h").contains("48 h");
                });
        Balance euros = new Balance(BalanceUnit.EUROS, eur("720.00"), LocalDate.of(2019, 5, 2));
        assertThat(FundingPlan.assess(PROJECT, List.of(cpfHours), Optional.of(euros), CEILINGS).warnings()).isEmpty();
        // a refused CPF line asks nothing of the balance
        Line refused = new Line(Funder.CPF, eur("2000.00"), null, Decision.REFUSED, eur("0.00"));
        assertThat(FundingPlan.assess(PROJECT, List.of(refused), Optional.of(euros), CEILINGS).warnings()).isEmpty();
    }

    @Test
    void aLineAboveItsFundersUsualCeilingIsFlaggedNamingTheFunder() {
        FundingPlan plan = FundingPlan.assess(new Project(eur("30000"), LocalDate.of(2020, 1, 6),
                LocalDate.of(2020, 6, 30), EligibilityList.RNCP_RS), List.of(pending(Funder.AGEFIPH, "5000.01"),
                pending(Funder.REGION, "8000.00"), pending(Funder.EMPLOYER, "15000.00")), Optional.empty(), CEILINGS);
        assertThat(plan.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(RiskWarning.Code.COST_ABOVE_USUAL_CEILING);
            assertThat(w.funder()).isEqualTo(Funder.AGEFIPH);
            assertThat(w.explanation()).contains("l'Agefiph").contains("5\u00a0000,01 €");
        });
    }
}
