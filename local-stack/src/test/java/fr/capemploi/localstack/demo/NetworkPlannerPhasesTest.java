package fr.capemploi.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.localstack.demo.NetworkPlan.Cohort;
import fr.capemploi.localstack.demo.NetworkPlan.ContactPlan;
import fr.capemploi.localstack.demo.NetworkPlan.ProjectKind;
import fr.capemploi.localstack.demo.NetworkPlan.CounsellorPlan;
import fr.capemploi.localstack.demo.NetworkPlanner.Directory;
import fr.capemploi.localstack.demo.NetworkPlanner.Draft;
import fr.capemploi.localstack.demo.NetworkPlanner.Staff;
import fr.capemploi.localstack.demo.NetworkPlanner.Volumes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The planner's phases one by one: each gives the seed's quotas on its own, and hands on a plan nobody can change. */
class NetworkPlannerPhasesTest {

    private final NetworkPlanner planner = NetworkPlanner.of(0.01, 2016);

    @Test
    void theDirectoryHasEveryStructureAndTheSeedsSharesOfThem() {
        Directory directory = planner.directory();

        assertThat(directory.structures()).hasSize(SeedFigures.STRUCTURES);
        assertThat(directory.cep()).hasSize(Quotas.share(SeedFigures.RECORDING_CEP, SeedFigures.STRUCTURES));
        assertThat(directory.notImplemented()).hasSize(Quotas.share(SeedFigures.TRAINING_NOT_IMPLEMENTED,
                SeedFigures.STRUCTURES)).isSubsetOf(directory.cep());
        assertThat(directory.engineered()).hasSize(Quotas.share(SeedFigures.NEW_FINANCIAL_ENGINEERING,
                SeedFigures.STRUCTURES)).isSubsetOf(directory.cep());
        // the draw's first ones record CEP, the others do not
        assertThat(directory.order().subList(0, directory.recording())).containsExactlyInAnyOrderElementsOf(
                directory.cep());
        assertThat(directory.weight()).allSatisfy(w -> assertThat(w).isBetween(0.6, 1.9 * 1.4));
    }

    @Test
    void theStaffDeliversExactlyTheSeedsShareAndLevelOneIsTracedWhereTheSeedSays() {
        Directory directory = planner.directory();
        Staff staff = planner.staff(directory);

        int total = staff.counsellors().size();
        assertThat(staff.perStructure().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        assertThat(staff.perStructure()).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(staff.counsellors().stream().filter(CounsellorPlan::deliversCep).count())
                .isEqualTo(Quotas.share(SeedFigures.COUNSELLORS_DELIVERING, total));
        assertThat(staff.level1()).hasSize(Quotas.share(SeedFigures.TRACING_LEVEL1, SeedFigures.STRUCTURES));
        // a structure without any CEP act records no accompaniment and traces no level-1 contact
        assertThat(staff.inactive()).doesNotContainAnyElementsOf(directory.cep())
                .doesNotContainAnyElementsOf(staff.level1());
        for (int s = 0; s < SeedFigures.STRUCTURES; s++) {
            assertThat(staff.staff().get(s)).hasSize(staff.perStructure().get(s)).containsAll(staff.delivering().get(s));
            if (!staff.inactive().contains(s)) {
                assertThat(staff.delivering().get(s)).as("structure %d", s).isNotEmpty();
            }
        }
        assertThat(staff.referents()).isEqualTo(Math.max(1, staff.peoplePresent() / SeedFigures.PORTFOLIO_2016));
    }

    @Test
    void contactsAreInTheTracingStructuresByTheirActingCounsellorsDuringTheFirstHalfOf2016() {
        Directory directory = planner.directory();
        Staff staff = planner.staff(directory);
        List<ContactPlan> contacts = planner.contacts(directory, staff);

        Map<Integer, Long> perStructure = contacts.stream()
                .collect(Collectors.groupingBy(ContactPlan::structure, Collectors.counting()));
        assertThat(perStructure.keySet()).containsExactlyInAnyOrderElementsOf(staff.level1());
        for (ContactPlan contact : contacts) {
            assertThat(staff.delivering().get(contact.structure())).contains(contact.counsellor());
            assertThat(contact.date()).isBetween(LocalDate.of(2016, 1, 4), LocalDate.of(2016, 6, 30));
        }
        assertThat(contacts.size()).isGreaterThanOrEqualTo((int) Math.round(6_000 * 0.01));
    }

    @Test
    void portfoliosAreExactlyTheSeedsAveragesMid2016AndEnd2015() {
        Directory directory = planner.directory();
        Staff staff = planner.staff(directory);
        List<Draft> drafts = planner.portfolios(directory, staff);

        List<Draft> referred = drafts.stream().filter(d -> d.cohort != Cohort.LEFT_2015).toList();
        long present2016 = referred.stream().filter(d -> d.cohort != Cohort.LEFT_2016_H1).count();
        assertThat(present2016).isEqualTo((long) SeedFigures.PORTFOLIO_2016 * staff.referents());
        long referents2015 = referred.stream().filter(d -> d.cohort != Cohort.ENTERED_2016).map(d -> d.referent)
                .distinct().count();
        long present2015 = referred.stream().filter(d -> d.cohort != Cohort.ENTERED_2016).count();
        assertThat(present2015).isEqualTo(SeedFigures.PORTFOLIO_2015 * referents2015);
        // every structure with a 2015 portfolio had someone leave in 2015, followed by one of its own counsellors;
        // one without had nobody to lose
        List<Integer> with2015Portfolio = referred.stream().filter(d -> d.cohort != Cohort.ENTERED_2016)
                .map(d -> d.structure).distinct().toList();
        assertThat(drafts.stream().filter(d -> d.cohort == Cohort.LEFT_2015).map(d -> d.structure).distinct())
                .containsExactlyInAnyOrderElementsOf(with2015Portfolio);
        assertThat(drafts).allSatisfy(d -> assertThat(staff.staff().get(d.structure)).contains(d.referent));
        assertThatThrownBy(() -> drafts.add(new Draft(0, 0, Cohort.STAYED)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachCepStructureAccompaniesItsVolumeAndItsProjectsGoToPeopleWhoStay() {
        Directory directory = planner.directory();
        Staff staff = planner.staff(directory);
        Volumes volumes = planner.volumes(directory, staff, planner.portfolios(directory, staff));
        planner.accompaniment(directory, volumes);

        for (int s = 0; s < SeedFigures.STRUCTURES; s++) {
            int structure = s;
            List<Draft> own = volumes.drafts().stream().filter(d -> d.structure == structure).toList();
            long accompanied = own.stream().filter(d -> d.accompanied).count();
            if (directory.cep().contains(s)) {
                assertThat(accompanied).as("structure %d", s).isEqualTo(volumes.accompanied().get(s).longValue());
                assertThat(own.stream().filter(d -> d.project == ProjectKind.NOT_IMPLEMENTED).count())
                        .isEqualTo(volumes.notImplemented().get(s).longValue());
                assertThat(own.stream().filter(d -> d.project == ProjectKind.NEW_FINANCIAL_ENGINEERING).count())
                        .isEqualTo(volumes.engineered().get(s).longValue());
            } else {
                assertThat(accompanied).as("structure %d", s).isZero();
            }
        }
        assertThat(volumes.drafts()).filteredOn(d -> d.project != null)
                .allMatch(d -> d.accompanied && (d.cohort == Cohort.STAYED || d.cohort == Cohort.ENTERED_2016));
        assertThat(volumes.drafts()).extracting(d -> d.index).containsExactlyElementsOf(
                IntStream.range(0, volumes.drafts().size()).boxed().toList());
    }

    @Test
    void ninetyPercentOfEachYearsEntriesComeFromPoleEmploi() {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            drafts.add(new Draft(0, -1, i < 50 ? Cohort.LEFT_2015 : i < 80 ? Cohort.STAYED : Cohort.ENTERED_2016));
        }

        planner.orientation(drafts);

        assertThat(drafts.subList(0, 80).stream().filter(d -> d.poleEmploi).count())
                .isEqualTo(Quotas.share(SeedFigures.VIA_POLE_EMPLOI, 80));
        assertThat(drafts.subList(80, 200).stream().filter(d -> d.poleEmploi).count())
                .isEqualTo(Quotas.share(SeedFigures.VIA_POLE_EMPLOI, 120));
    }

    @Test
    void theCpfStepsAreExactSharesAndAFundedEngineeringHasItsConsent() {
        List<Draft> accompanied = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Draft draft = new Draft(0, -1, Cohort.STAYED);
            draft.project = i % 10 == 0 ? ProjectKind.NEW_FINANCIAL_ENGINEERING : null;
            accompanied.add(draft);
        }

        planner.cpfSteps(accompanied);

        assertThat(accompanied.stream().filter(d -> d.presented).count())
                .isEqualTo(Quotas.share(SeedFigures.CPF_PRESENTED, 300));
        assertThat(accompanied.stream().filter(d -> d.consented).count())
                .isEqualTo(Quotas.share(SeedFigures.CPF_CONSENT, 300));
        assertThat(accompanied.stream().filter(d -> d.assisted).count())
                .isEqualTo(Quotas.share(SeedFigures.CPF_OPENING_ASSISTED, 300));
        assertThat(accompanied).filteredOn(d -> d.assisted || d.consented).allMatch(d -> d.presented);
        assertThat(accompanied).filteredOn(d -> d.project == ProjectKind.NEW_FINANCIAL_ENGINEERING)
                .allMatch(d -> d.consented);
    }

    @Test
    void the2016ActionsAreTheSeedsVolumesAtScale() {
        List<Draft> staying = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            staying.add(new Draft(0, -1, Cohort.STAYED));
        }

        planner.actions2016(staying);

        int pmsmp = (int) Math.round(SeedFigures.PMSMP_2016 * 0.01);
        assertThat(staying.stream().mapToInt(d -> d.pmsmp).sum()).isEqualTo(pmsmp);
        assertThat(staying.stream().filter(d -> d.pmsmp == 2).count()).isEqualTo(Math.round(0.1 * pmsmp));
        int alternance = (int) Math.round(SeedFigures.ALTERNANCE_2016 * 0.01);
        assertThat(staying.stream().filter(d -> d.alternance == 1).count()).isEqualTo(alternance);
        assertThat(staying.stream().filter(d -> d.alternance == 2).count()).isEqualTo(Math.round(0.12 * alternance));
        assertThatThrownBy(() -> planner.actions2016(staying.subList(0, 10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too few accompanied people");
    }

    @Test
    void aPhasesOutputCannotBeChangedByTheNextOne() {
        Directory directory = planner.directory();
        Staff staff = planner.staff(directory);

        assertThatThrownBy(() -> directory.cep().add(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> staff.delivering().get(0).add(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> planner.contacts(directory, staff).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void thePhasesAreTheSameForTheSameSeed() {
        NetworkPlanner again = NetworkPlanner.of(0.01, 2016);

        assertThat(again.directory()).isEqualTo(planner.directory());
        assertThat(again.staff(again.directory())).isEqualTo(planner.staff(planner.directory()));
    }
}
