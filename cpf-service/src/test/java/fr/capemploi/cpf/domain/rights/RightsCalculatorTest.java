package fr.capemploi.cpf.domain.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.cpf.domain.rights.RuleBook.Exemption;
import fr.capemploi.cpf.domain.rights.RuleBook.Unit;
import fr.capemploi.cpf.domain.rights.Simulation.Kind;
import fr.capemploi.cpf.domain.rights.Simulation.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the CPF rules, each computed by hand from the texts cited in {@code cpf-rules.json}. The
 * expected figures are the ones published with the texts where there is one (96 h = 1 440 €, 80 % of 24 h = 20 h,
 * 600 h worked in 2019 = 186,69 €).
 */
class RightsCalculatorTest {

    private static final BigDecimal FULL_TIME = new BigDecimal("1607");
    private final RightsCalculator calculator = new RightsCalculator(RuleBook.fromClasspath());

    static ActivityYear worked(int year, String hours) {
        return new ActivityYear(year, new BigDecimal(hours), null, false, false, false);
    }

    static ActivityYear fullTime(int year) {
        return new ActivityYear(year, FULL_TIME, null, false, false, false);
    }

    static ActivityYear lowQualified(int year) {
        return new ActivityYear(year, FULL_TIME, null, true, false, false);
    }

    static ActivityYear boe(int year, String hours) {
        return new ActivityYear(year, new BigDecimal(hours), null, false, true, false);
    }

    static ActivityYear esat(int year) {
        return new ActivityYear(year, BigDecimal.ZERO, null, false, false, true);
    }

    private Simulation simulate(ActivityYear... years) {
        return calculator.simulate(List.of(years), null);
    }

    private static Line creditOf(Simulation simulation, int activityYear) {
        return simulation.lines().stream()
                .filter(l -> l.kind() == Kind.CREDIT && l.activityYear() == activityYear).findFirst().orElseThrow();
    }

    private static BigDecimal eur(String value) {
        return new BigDecimal(value);
    }

    @Nested
    class HoursRegime2015To2018 {

        @Test
        void aFullTimeYearGives24HoursCreditedTheNextYear() {
            Line line = creditOf(simulate(fullTime(2016)), 2016);
            assertThat(line.ruleId()).isEqualTo("CPF-H-2015-SALARIE");
            assertThat(line.source()).contains("Loi n° 2014-288");
            assertThat(line.unit()).isEqualTo(Unit.HOURS);
            assertThat(line.creditedHours()).isEqualByComparingTo("24");
            assertThat(line.creditYear()).isEqualTo(2017);
            assertThat(line.explanation()).contains("Année 2016").contains("temps complet").contains("crédité en 2017");
        }

        @Test
        void partTimeIsProRataOf1607HoursRoundedUpToTheHour() {
            // 80 % of a full-time year: 24 h x 0.8 = 19.2 h, rounded up to 20 h
            Line line = creditOf(simulate(worked(2016, "1285.60")), 2016);
            assertThat(line.creditedHours()).isEqualByComparingTo("20");
            assertThat(line.workShare()).isEqualByComparingTo("0.8");
            assertThat(line.explanation()).contains("80 %").contains("19,2 h");
            // 400 h: 24 x 400 / 1607 = 5.97 h -> 6 h
            assertThat(creditOf(simulate(worked(2017, "400")), 2017).creditedHours()).isEqualByComparingTo("6");
        }

        @Test
        void hoursBeyondAFullTimeYearDoNotCount() {
            assertThat(creditOf(simulate(worked(2015, "2000")), 2015).creditedHours()).isEqualByComparingTo("24");
        }

        @Test
        void lowQualificationRaisesTheAccrualTo48HoursFrom2017Only() {
            Simulation simulation = simulate(lowQualified(2016), lowQualified(2017));
            Line y2016 = creditOf(simulation, 2016);
            assertThat(y2016.ruleId()).isEqualTo("CPF-H-2015-SALARIE");
            assertThat(y2016.creditedHours()).isEqualByComparingTo("24");
            Line y2017 = creditOf(simulation, 2017);
            assertThat(y2017.ruleId()).isEqualTo("CPF-H-2017-PEU-QUALIFIE");
            assertThat(y2017.source()).contains("Loi n° 2016-1088");
            assertThat(y2017.creditedHours()).isEqualByComparingTo("48");
        }

        @Test
        void anEsatAdmissionYearGives24HoursWhateverTheTimeWorked() {
            Line line = creditOf(simulate(esat(2017)), 2017);
            assertThat(line.ruleId()).isEqualTo("CPF-H-2017-ESAT");
            assertThat(line.creditedHours()).isEqualByComparingTo("24");
        }

        @Test
        void boeStatusChangesNothingBefore2019() {
            Line line = creditOf(simulate(boe(2018, "1607")), 2018);
            assertThat(line.ruleId()).isEqualTo("CPF-H-2015-SALARIE");
        }
    }

    @Nested
    class Transitions {

        @Test
        void from2014To2015TheCpfStartsWithActivityYear2015() {
            assertThatThrownBy(() -> simulate(fullTime(2014), fullTime(2015)))
                    .isInstanceOf(SimulationInputException.class)
                    .hasMessageContaining("2014").hasMessageContaining("2015")
                    .extracting(e -> ((SimulationInputException) e).attribute()).isEqualTo("years[0].year");
            Line first = creditOf(simulate(fullTime(2015)), 2015);
            assertThat(first.creditYear()).isEqualTo(2016);
            assertThat(first.creditedHours()).isEqualByComparingTo("24");
        }

        @Test
        void from2018To2019HoursAreConvertedAt15EurosAndThe2018HoursArriveAsEuros() {
            Simulation simulation = simulate(fullTime(2015), fullTime(2016), fullTime(2017), fullTime(2018),
                    fullTime(2019));
            List<Line> lines = simulation.lines();
            assertThat(lines).extracting(Line::kind).containsExactly(Kind.CREDIT, Kind.CREDIT, Kind.CREDIT,
                    Kind.CONVERSION, Kind.CREDIT, Kind.CREDIT);
            Line conversion = lines.get(3);
            assertThat(conversion.ruleId()).isEqualTo("CPF-CONVERSION-2019");
            assertThat(conversion.source()).contains("Décret n° 2018-1153");
            assertThat(conversion.creditYear()).isEqualTo(2019);
            assertThat(conversion.creditedHours()).isEqualByComparingTo("72");
            assertThat(conversion.creditedEuros()).isEqualTo(eur("1080.00"));
            assertThat(conversion.explanation()).contains("72 h × 15 € = 1\u00a0080 €");

            Line y2018 = lines.get(4);
            assertThat(y2018.activityYear()).isEqualTo(2018);
            assertThat(y2018.creditYear()).isEqualTo(2019);
            assertThat(y2018.ruleId()).isEqualTo("CPF-H-2015-SALARIE");
            assertThat(y2018.creditedHours()).isEqualByComparingTo("24");
            assertThat(y2018.creditedEuros()).isEqualTo(eur("360.00"));
            // the published example: 96 hours acquired from 2015 to 2018 are worth 1 440 €
            assertThat(y2018.balanceEuros()).isEqualTo(eur("1440.00"));

            Line y2019 = lines.get(5);
            assertThat(y2019.ruleId()).isEqualTo("CPF-E-2019-SALARIE");
            assertThat(y2019.source()).contains("Décret n° 2018-1329");
            assertThat(y2019.creditYear()).isEqualTo(2020);
            assertThat(y2019.creditedEuros()).isEqualTo(eur("500.00"));
            assertThat(simulation.balanceEuros()).isEqualTo(eur("1940.00"));
            assertThat(simulation.balanceHours()).isEqualByComparingTo("0");
        }

        @Test
        void hoursOfEarlyYearsAreConvertedEvenWhenNoLaterYearIsSimulated() {
            Simulation simulation = simulate(fullTime(2015), worked(2016, "1285.60"));
            assertThat(simulation.lines()).extracting(Line::kind).containsExactly(Kind.CREDIT, Kind.CREDIT,
                    Kind.CONVERSION);
            assertThat(simulation.balanceEuros()).isEqualTo(eur("660.00"));
        }

        @Test
        void boeRightsOf2019AreCreditedIn2020At800Euros() {
            Line line = creditOf(simulate(boe(2019, "1607")), 2019);
            assertThat(line.ruleId()).isEqualTo("CPF-E-2019-BOE");
            assertThat(line.source()).contains("Décret n° 2019-566");
            assertThat(line.activityYear()).isEqualTo(2019);
            assertThat(line.creditYear()).isEqualTo(2020);
            assertThat(line.creditedEuros()).isEqualTo(eur("800.00"));
            assertThat(line.explanation()).contains("crédité en 2020");
        }
    }

    @Nested
    class EurosRegimeFrom2019 {

        @Test
        void atLeastHalfTimeGivesTheFullAmount() {
            assertThat(creditOf(simulate(worked(2020, "803.50")), 2020).creditedEuros()).isEqualTo(eur("500.00"));
            ActivityYear halfFte = new ActivityYear(2021, null, new BigDecimal("0.5"), false, false, false);
            assertThat(creditOf(simulate(halfFte), 2021).creditedEuros()).isEqualTo(eur("500.00"));
        }

        @Test
        void belowHalfTimeIsProRataRoundedUpToTheCent() {
            // 600 h: 500 x 600 / 1607 = 186.6832... -> 186.69
            Line line = creditOf(simulate(worked(2019, "600")), 2019);
            assertThat(line.creditedEuros()).isEqualTo(eur("186.69"));
            assertThat(line.explanation()).contains("moins d'un mi-temps").contains("186,69 €");
            ActivityYear quarter = new ActivityYear(2022, null, new BigDecimal("0.25"), false, true, false);
            // BOE at a quarter time: 800 x 0.25
            assertThat(creditOf(simulate(quarter), 2022).creditedEuros()).isEqualTo(eur("200.00"));
        }

        @Test
        void lowQualifiedAndEsatWorkersGet800Euros() {
            Line lowQualified = creditOf(simulate(lowQualified(2019)), 2019);
            assertThat(lowQualified.ruleId()).isEqualTo("CPF-E-2019-PEU-QUALIFIE");
            assertThat(lowQualified.creditedEuros()).isEqualTo(eur("800.00"));
            Line esat = creditOf(simulate(esat(2023)), 2023);
            assertThat(esat.ruleId()).isEqualTo("CPF-E-2019-ESAT");
            assertThat(esat.creditedEuros()).isEqualTo(eur("800.00"));
            assertThat(esat.explanation()).contains("ESAT");
        }

        @Test
        void theMostFavourableCategoryApplies() {
            ActivityYear esatAndPartTime = new ActivityYear(2020, new BigDecimal("300"), null, false, false, true);
            assertThat(creditOf(simulate(esatAndPartTime), 2020).ruleId()).isEqualTo("CPF-E-2019-ESAT");
            ActivityYear boeBelowHalfTime = new ActivityYear(2020, new BigDecimal("600"), null, false, true, false);
            Line boe = creditOf(simulate(boeBelowHalfTime), 2020);
            assertThat(boe.ruleId()).isEqualTo("CPF-E-2019-BOE");
            // 800 x 600 / 1607 = 298.693... -> 298.70
            assertThat(boe.creditedEuros()).isEqualTo(eur("298.70"));
        }
    }

    @Nested
    class Ceilings {

        @Test
        void theGeneralAccountStopsAt5000Euros() {
            List<ActivityYear> years = new ArrayList<>();
            IntStream.rangeClosed(2015, 2027).forEach(y -> years.add(fullTime(y)));
            Simulation simulation = calculator.simulate(years, null);
            // 1 440 € converted, then 500 € a year for 2019-2025: 4 940 €
            assertThat(creditOf(simulation, 2025).balanceEuros()).isEqualTo(eur("4940.00"));
            Line y2026 = creditOf(simulation, 2026);
            assertThat(y2026.capped()).isTrue();
            assertThat(y2026.creditedEuros()).isEqualTo(eur("60.00"));
            assertThat(y2026.explanation()).contains("plafond de 5\u00a0000 €");
            Line y2027 = creditOf(simulation, 2027);
            assertThat(y2027.capped()).isTrue();
            assertThat(y2027.creditedEuros()).isEqualTo(eur("0.00"));
            assertThat(simulation.balanceEuros()).isEqualTo(eur("5000.00"));
        }

        @Test
        void aBalanceAboveTheGeneralCeilingIsKeptButNoLongerGrows() {
            // low qualified until 2022: 24 + 24 + 48 + 48 = 144 h = 2 160 €, then 4 x 800 € = 5 360 €
            List<ActivityYear> years = new ArrayList<>(List.of(lowQualified(2015), lowQualified(2016),
                    lowQualified(2017), lowQualified(2018)));
            IntStream.rangeClosed(2019, 2022).forEach(y -> years.add(lowQualified(y)));
            years.add(fullTime(2023));
            Simulation simulation = calculator.simulate(years, null);
            assertThat(creditOf(simulation, 2022).balanceEuros()).isEqualTo(eur("5360.00"));
            Line qualified = creditOf(simulation, 2023);
            assertThat(qualified.ruleId()).isEqualTo("CPF-E-2019-SALARIE");
            assertThat(qualified.creditedEuros()).isEqualTo(eur("0.00"));
            assertThat(qualified.capped()).isTrue();
            assertThat(simulation.balanceEuros()).isEqualTo(eur("5360.00"));
        }

        @Test
        void theLowQualifiedAccountStopsAt8000Euros() {
            List<ActivityYear> years = new ArrayList<>();
            IntStream.rangeClosed(2019, 2029).forEach(y -> years.add(lowQualified(y)));
            Simulation simulation = calculator.simulate(years, null);
            assertThat(creditOf(simulation, 2028).balanceEuros()).isEqualTo(eur("8000.00"));
            assertThat(creditOf(simulation, 2029).creditedEuros()).isEqualTo(eur("0.00"));
            assertThat(simulation.balanceEuros()).isEqualTo(eur("8000.00"));
        }

        @Test
        void tiersAreReadFromTheRulesAndAYearSpentFillingATierIsNotCreditedTwice() {
            // a rule book of our own: 24 h a year up to 30 h, then 12 h a year up to 40 h
            RuleBook small = new RuleBook(List.of(new RuleBook.AccrualRule("TEST-TIERS", "test", "test source",
                    RuleBook.Category.GENERAL, 2015, 2018, Unit.HOURS,
                    List.of(new RuleBook.Tier(eur("24"), eur("30")), new RuleBook.Tier(eur("12"), eur("40"))),
                    eur("40"), RuleBook.ProRata.PROPORTIONAL, FULL_TIME, 0)), List.of(), List.of());
            Simulation simulation = new RightsCalculator(small).simulate(
                    List.of(fullTime(2015), fullTime(2016), fullTime(2017)), null);
            // 2016: 6 h fill the first tier in a quarter of the year, the other three quarters give 12 x 0.75 = 9 h
            assertThat(creditOf(simulation, 2016).creditedHours()).isEqualByComparingTo("15");
            Line y2017 = creditOf(simulation, 2017);
            assertThat(y2017.creditedHours()).isEqualByComparingTo("1");
            assertThat(y2017.capped()).isTrue();
            assertThat(simulation.balanceHours()).isEqualByComparingTo("40");
        }
    }

    @Nested
    class CoPayment {

        private Simulation withTraining(String purchaseDate, String cost, boolean jobSeeker, boolean employer) {
            return calculator.simulate(List.of(fullTime(2015), fullTime(2016), fullTime(2017), fullTime(2018)),
                    new TrainingPurchase(LocalDate.parse(purchaseDate), new BigDecimal(cost), jobSeeker, employer));
        }

        @Test
        void noCoPaymentBefore2May2024() {
            Simulation.CoPayment coPayment = withTraining("2024-05-01", "1500.00", false, false).coPayment();
            assertThat(coPayment.ruleId()).isEqualTo("CPF-PARTICIPATION-AVANT-2024");
            assertThat(coPayment.amount()).isEqualTo(eur("0.00"));
            assertThat(coPayment.cpfCanCover()).isEqualTo(eur("1440.00"));
            assertThat(coPayment.remainingToFund()).isEqualTo(eur("60.00"));
        }

        @Test
        void from2May2024TheHolderPays100EurosOfThePrice() {
            Simulation.CoPayment coPayment = withTraining("2024-05-02", "1500.00", false, false).coPayment();
            assertThat(coPayment.ruleId()).isEqualTo("CPF-PARTICIPATION-2024");
            assertThat(coPayment.source()).contains("Décret n° 2024-394");
            assertThat(coPayment.amount()).isEqualTo(eur("100.00"));
            assertThat(coPayment.cpfCanCover()).isEqualTo(eur("1400.00"));
            assertThat(coPayment.remainingToFund()).isEqualTo(eur("0.00"));
            assertThat(coPayment.explanation()).contains("100 €");
        }

        @Test
        void jobSeekersAndEmployerCoFundedTrainingsAreExempt() {
            Simulation.CoPayment jobSeeker = withTraining("2024-09-02", "3000.00", true, false).coPayment();
            assertThat(jobSeeker.amount()).isEqualTo(eur("0.00"));
            assertThat(jobSeeker.exemption()).isEqualTo(Exemption.JOB_SEEKER);
            assertThat(jobSeeker.remainingToFund()).isEqualTo(eur("1560.00"));
            Simulation.CoPayment coFunded = withTraining("2024-09-02", "3000.00", false, true).coPayment();
            assertThat(coFunded.exemption()).isEqualTo(Exemption.EMPLOYER_CO_FUNDING);
            assertThat(coFunded.explanation()).contains("abonde");
        }

        @Test
        void theAmountIsRevaluedIn2025AndFlaggedAfterTheLastKnownYear() {
            Simulation.CoPayment y2025 = withTraining("2025-03-01", "2000.00", false, false).coPayment();
            assertThat(y2025.ruleId()).isEqualTo("CPF-PARTICIPATION-2025");
            assertThat(y2025.amount()).isEqualTo(eur("102.23"));
            assertThat(y2025.amountMayBeOutdated()).isFalse();
            assertThat(y2025.remainingToFund()).isEqualTo(eur("457.77"));
            Simulation.CoPayment later = withTraining("2026-02-01", "2000.00", false, false).coPayment();
            assertThat(later.ruleId()).isEqualTo("CPF-PARTICIPATION-2025");
            assertThat(later.amountMayBeOutdated()).isTrue();
            assertThat(later.explanation()).contains("revalorisé");
        }

        @Test
        void theCoPaymentNeverExceedsThePrice() {
            assertThat(withTraining("2024-06-01", "80.00", false, false).coPayment().amount()).isEqualTo(eur("80.00"));
        }
    }

    @Test
    void aYearGivenTwiceIsRefusedNamingIt() {
        assertThatThrownBy(() -> simulate(fullTime(2019), fullTime(2020), fullTime(2019)))
                .isInstanceOf(SimulationInputException.class)
                .extracting(e -> ((SimulationInputException) e).attribute()).isEqualTo("years[2].year");
    }

    @Test
    void yearsAreCreditedInOrderWhateverTheInputOrder() {
        Simulation simulation = simulate(fullTime(2020), fullTime(2016));
        assertThat(simulation.lines()).extracting(Line::kind).containsExactly(Kind.CREDIT, Kind.CONVERSION,
                Kind.CREDIT);
        assertThat(simulation.balanceEuros()).isEqualTo(eur("860.00"));
    }
}
