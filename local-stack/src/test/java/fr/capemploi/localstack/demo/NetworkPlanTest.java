package fr.capemploi.localstack.demo;

import fr.capemploi.localstack.demo.Expectations.Expected;
import fr.capemploi.localstack.demo.NetworkPlan.Cohort;
import fr.capemploi.localstack.demo.NetworkPlan.PersonPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plan hits the seed's figures at every scale, by construction. */
class NetworkPlanTest {

    @Test
    void peopleAreLoadedWithEveryStructureSpreadOverTheWholeLoad() {
        List<PersonPlan> planned = NetworkPlanner.plan(0.05, 42).people();

        List<PersonPlan> loaded = DemoLoad.acrossStructures(planned);

        assertThat(loaded).containsExactlyInAnyOrderElementsOf(planned);
        Set<Integer> structures = planned.stream().map(PersonPlan::structure).collect(Collectors.toSet());
        Map<Integer, Long> sizes = planned.stream().collect(Collectors.groupingBy(PersonPlan::structure,
                Collectors.counting()));
        Set<Integer> tenOrMore = sizes.keySet().stream().filter(s -> sizes.get(s) >= 10).collect(Collectors.toSet());
        assertThat(tenOrMore).hasSizeGreaterThan(structures.size() / 2);
        // planned structure after structure; loaded, any tenth of the load holds people of every structure that has
        // ten or more
        assertThat(planned.subList(0, planned.size() / 10).stream().map(PersonPlan::structure).distinct().count())
                .isLessThan(structures.size() / 2);
        for (int tenth = 0; tenth < 10; tenth++) {
            List<PersonPlan> slice = loaded.subList(tenth * loaded.size() / 10, (tenth + 1) * loaded.size() / 10);
            assertThat(slice.stream().map(PersonPlan::structure).collect(Collectors.toSet()))
                    .as("structures in tenth %d", tenth).containsAll(tenOrMore);
        }
        for (int structure : structures) {
            assertThat(loaded.stream().filter(p -> p.structure() == structure).toList())
                    .as("structure %d's own order", structure)
                    .isEqualTo(planned.stream().filter(p -> p.structure() == structure).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.002, 0.005, 0.01, 0.03, 0.1, 0.25})
    void everyCalibratedFigureIsWithinTheSeedTolerance(double scale) {
        NetworkPlan plan = NetworkPlanner.plan(scale, 42);
        Map<String, Expected> h1 = new Expectations(plan).forPeriod("2016-H1");
        Map<String, Expected> year = new Expectations(plan).forPeriod("2016");
        Map<String, Expected> y2015 = new Expectations(plan).forPeriod("2015");

        for (Calibration row : Calibration.ROWS) {
            Map<String, Expected> values = switch (row.period()) {
                case "2015" -> y2015;
                case "2016" -> year;
                default -> h1;
            };
            BigDecimal expected = values.get(row.indicatorId()).value();
            assertThat(expected).as(row.label() + " at scale " + scale).isNotNull();
            assertThat(row.withinTolerance(expected, scale))
                    .as(row.label() + " (" + row.period() + ") at scale " + scale + ": " + expected + " for "
                            + row.target(scale)).isTrue();
        }
        assertThat(h1.get("structures-registered").value()).isEqualByComparingTo("102");
        assertThat(h1.get("declarations").value()).isEqualByComparingTo("65");
        assertThat(y2015.get("declarations").value()).isEqualByComparingTo("64");
    }

    /**
     * Since 2026-12-06 only structures with a 2015 portfolio have 2015 leavers: the smallest network (the system
     * test's) must still hold some, and 2015 accompaniments closed before every period a row reads, so that the
     * reported figures go on proving that the service leaves out people gone and accompaniments closed by then.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 42, 2016})
    void theSmallestNetworkStillHasPeopleGoneIn2015AndAccompanimentsClosedIn2015(long seed) {
        NetworkPlan plan = NetworkPlanner.plan(NetworkPlanner.MIN_SCALE, seed);

        List<PersonPlan> gone = plan.people().stream().filter(p -> p.cohort() == Cohort.LEFT_2015).toList();
        assertThat(gone).isNotEmpty().allSatisfy(p -> assertThat(p.exitDate()).isBefore(LocalDate.of(2016, 1, 1)));
        assertThat(gone).filteredOn(p -> p.accompaniment() != null).isNotEmpty()
                .allSatisfy(p -> assertThat(p.accompaniment().closedOn()).isBefore(LocalDate.of(2016, 1, 1)));
    }

    @Test
    void figuresOfTheWholeNetworkAtScaleOne() {
        NetworkPlan plan = NetworkPlanner.plan(1.0, 7);
        Map<String, Expected> h1 = new Expectations(plan).forPeriod("2016-H1");
        Map<String, Expected> year = new Expectations(plan).forPeriod("2016");

        assertThat(h1.get("average-portfolio").value()).isEqualByComparingTo("161.00");
        assertThat(h1.get("average-portfolio").numerator().intValue()).isCloseTo(115_000, within(161));
        assertThat(h1.get("declared-fte-total").value()).isEqualByComparingTo("711.70");
        assertThat(year.get("pmsmp-prescribed").value()).isEqualByComparingTo("11753");
        assertThat(year.get("alternance-done").value()).isEqualByComparingTo("3881");
    }

    @Test
    void theSameSeedPlansTheSameNetworkAndAnotherSeedAnotherOne() {
        NetworkPlan first = NetworkPlanner.plan(0.01, 5);
        NetworkPlan again = NetworkPlanner.plan(0.01, 5);
        NetworkPlan other = NetworkPlanner.plan(0.01, 6);

        assertThat(again).isEqualTo(first);
        assertThat(other.people()).isNotEqualTo(first.people());
        assertThat(other.structures().get(0).code()).isNotEqualTo(first.structures().get(0).code());
    }

    @Test
    void everyRegionHasStructuresAndCodesAreUnique() {
        NetworkPlan plan = NetworkPlanner.plan(0.01, 1);

        assertThat(plan.structures()).hasSize(102);
        assertThat(plan.structures().stream().map(NetworkPlan.StructurePlan::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52",
                        "53", "75", "76", "84", "93", "94");
        assertThat(plan.structures().stream().map(NetworkPlan.StructurePlan::code).distinct()).hasSize(102);
    }

    @Test
    void storiesAreInAPossibleOrder() {
        NetworkPlan plan = NetworkPlanner.plan(0.02, 3);

        for (PersonPlan p : plan.people()) {
            assertThat(p.birthDate()).isBefore(p.entryDate());
            if (p.exitDate() != null) {
                assertThat(p.exitDate()).isAfterOrEqualTo(p.entryDate());
            }
            var a = p.accompaniment();
            if (a == null) {
                continue;
            }
            assertThat(p.diagnostic().on()).isBetween(p.entryDate(), a.start());
            assertThat(Set.of("PROJECT_ELABORATION", "TRAINING_PROJECT")).contains(p.diagnostic().workAxis());
            a.interviews().forEach(i -> assertThat(i.on()).isAfterOrEqualTo(a.start()));
            for (var action : a.actions()) {
                assertThat(action.plannedOn()).isAfterOrEqualTo(a.start());
                if (action.settledOn() != null && a.closedOn() != null) {
                    assertThat(action.settledOn()).isBeforeOrEqualTo(a.closedOn());
                }
                if ("PMSMP".equals(action.kind())) {
                    assertThat(action.endDate()).isBefore(action.startDate().plusMonths(1));
                }
            }
            if (a.closedOn() != null && a.informedOn() != null) {
                assertThat(a.informedOn()).isBeforeOrEqualTo(a.closedOn());
            }
            if (p.project() != null && p.project().startedOn() != null
                    && p.project().funding().stream().anyMatch(f -> f.funder().equals("CPF"))) {
                assertThat(p.cpf().consentOn()).isBefore(p.project().startedOn());
            }
        }
    }
}
