package fr.capemploi.cep.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.events.cep.AccompanimentClosed.Outcome;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.events.cep.ActionPlanned.PmsmpPurpose;
import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import fr.capemploi.events.cep.InterviewHeld.InterviewMode;
import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.problem.UnknownReferenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The accompaniment's life and the action plan's rules, without any framework. */
class AccompanimentRulesTest {

    private static final Instant NOW = Instant.parse("2016-06-30T10:00:00Z");
    private static final LocalDate START = LocalDate.of(2016, 2, 29);

    private static Accompaniment open(WorkAxis axis) {
        Diagnostic diagnostic = new Diagnostic(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                LocalDate.of(2016, 2, 22), axis, List.of(Barrier.MOBILITY), NOW, "test");
        return Accompaniment.open(UUID.randomUUID(), diagnostic, UUID.randomUUID(), null, START, NOW, "test");
    }

    private static ActionSpec pmsmp(String start, String end, UUID renewalOf) {
        return new ActionSpec(ActionKind.PMSMP, null, LocalDate.of(2016, 3, 1), LocalDate.parse(start),
                LocalDate.parse(end), PmsmpPurpose.CONFIRM_PROJECT, null, null, renewalOf, null, null, null);
    }

    @Test
    void theLevelComesFromTheServiceCorrespondence() {
        assertThat(open(WorkAxis.PROJECT_ELABORATION).level()).isEqualTo(2);
        assertThat(open(WorkAxis.TRAINING_PROJECT).level()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = WorkAxis.class, names = {"DISABILITY_BARRIERS", "JOB_SEARCH", "JOB_RETENTION"})
    void noAccompanimentOpensFromANonCepService(WorkAxis axis) {
        assertThatThrownBy(() -> open(axis)).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("not CEP").extracting("attribute").isEqualTo("diagnosticId");
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource({"1", "4", "0"})
    void onlyLevelsTwoAndThreeExistForAnAccompaniment(int level) {
        Accompaniment accompaniment = open(WorkAxis.PROJECT_ELABORATION);
        assertThatThrownBy(() -> accompaniment.changeLevel(level, START, NOW)).isInstanceOf(IllegalTransition.class)
                .extracting("attribute").isEqualTo("level");
    }

    @Test
    void interviewsCarryTheLevelOfTheirDay() {
        Accompaniment accompaniment = open(WorkAxis.PROJECT_ELABORATION);
        accompaniment.changeLevel(3, LocalDate.of(2016, 4, 11), NOW);
        assertThat(accompaniment.levelOn(LocalDate.of(2016, 4, 10))).isEqualTo(2);
        assertThat(accompaniment.levelOn(LocalDate.of(2016, 4, 11))).isEqualTo(3);
        assertThat(accompaniment.holdInterview(LocalDate.of(2016, 3, 7), 60, InterviewMode.ON_SITE, UUID.randomUUID(),
                NOW).cepLevel()).isEqualTo(2);
        assertThatThrownBy(() -> accompaniment.changeLevel(2, LocalDate.of(2016, 4, 1), NOW))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("changedOn");
    }

    @Test
    void aClosedAccompanimentAcceptsNothingAndClosesOnce() {
        Accompaniment accompaniment = open(WorkAxis.TRAINING_PROJECT);
        PlannedAction action = accompaniment.planAction(new ActionSpec(ActionKind.VAE, null, START, null, null, null,
                null, null, null, null, null, null), NOW);
        accompaniment.close(LocalDate.of(2016, 6, 20), Outcome.KEEP_SITUATION);
        assertThat(accompaniment.open()).isFalse();
        List<Runnable> changes = List.of(
                () -> accompaniment.close(LocalDate.of(2016, 6, 21), Outcome.JOB_SEARCH),
                () -> accompaniment.changeLevel(2, LocalDate.of(2016, 6, 21), NOW),
                () -> accompaniment.giveCepInformation(LocalDate.of(2016, 6, 21), UUID.randomUUID()),
                () -> accompaniment.holdInterview(LocalDate.of(2016, 6, 21), 30, InterviewMode.PHONE, UUID.randomUUID(), NOW),
                () -> accompaniment.planAction(pmsmp("2016-06-21", "2016-06-30", null), NOW),
                () -> accompaniment.completeAction(action.id(), LocalDate.of(2016, 6, 21)),
                () -> accompaniment.issueSynthesis(LocalDate.of(2016, 6, 21), UUID.randomUUID(), "p", null));
        changes.forEach(change -> assertThatThrownBy(change::run).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("closed"));
    }

    @Test
    void aDecisionIsTakenUnlessThePersonAbandoned() {
        for (Outcome outcome : Outcome.values()) {
            assertThat(Accompaniment.decisionTaken(outcome)).isEqualTo(outcome != Outcome.NONE_OR_ABANDON);
        }
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "2016-03-10, 2016-04-09, true",
            "2016-03-10, 2016-04-10, false",
            "2016-01-31, 2016-02-28, true",
            "2016-01-31, 2016-02-29, false",
            "2016-02-01, 2016-02-29, true",
            "2016-12-15, 2017-01-14, true",
            "2016-12-15, 2017-01-15, false"})
    void aPmsmpLastsAtMostOneCalendarMonth(String start, String end, boolean allowed) {
        if (allowed) {
            PmsmpRules.checkDuration(LocalDate.parse(start), LocalDate.parse(end));
        } else {
            assertThatThrownBy(() -> PmsmpRules.checkDuration(LocalDate.parse(start), LocalDate.parse(end)))
                    .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("endDate");
        }
    }

    @Test
    void aPmsmpIsRenewableOnce() {
        Accompaniment accompaniment = open(WorkAxis.PROJECT_ELABORATION);
        PlannedAction first = accompaniment.planAction(pmsmp("2016-03-14", "2016-04-08", null), NOW);
        PlannedAction renewal = accompaniment.planAction(pmsmp("2016-04-11", "2016-05-06", first.id()), NOW);
        assertThat(renewal.renewalOf()).isEqualTo(first.id());

        assertThatThrownBy(() -> accompaniment.planAction(pmsmp("2016-05-09", "2016-06-03", first.id()), NOW))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("already renewed")
                .extracting("attribute").isEqualTo("renewalOf");
        assertThatThrownBy(() -> accompaniment.planAction(pmsmp("2016-05-09", "2016-06-03", renewal.id()), NOW))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("already the renewal")
                .extracting("attribute").isEqualTo("renewalOf");
        assertThatThrownBy(() -> accompaniment.planAction(pmsmp("2016-05-09", "2016-06-03", UUID.randomUUID()), NOW))
                .isInstanceOf(UnknownReferenceException.class).extracting("field").isEqualTo("renewalOf");
    }

    @Test
    void aRenewalFollowsThePmsmpItRenewsForTheSamePurpose() {
        Accompaniment accompaniment = open(WorkAxis.PROJECT_ELABORATION);
        PlannedAction first = accompaniment.planAction(pmsmp("2016-03-14", "2016-04-08", null), NOW);
        assertThatThrownBy(() -> accompaniment.planAction(pmsmp("2016-04-08", "2016-04-30", first.id()), NOW))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("startDate");
        ActionSpec otherPurpose = new ActionSpec(ActionKind.PMSMP, null, LocalDate.of(2016, 3, 1),
                LocalDate.of(2016, 4, 11), LocalDate.of(2016, 5, 6), PmsmpPurpose.START_RECRUITMENT, null, null,
                first.id(), null, null, null);
        assertThatThrownBy(() -> accompaniment.planAction(otherPurpose, NOW))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("pmsmpPurpose");
        accompaniment.cancelAction(first.id(), LocalDate.of(2016, 3, 10));
        assertThatThrownBy(() -> accompaniment.planAction(pmsmp("2016-04-11", "2016-05-06", first.id()), NOW))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("cancelled");
    }

    @Test
    void anActionIsSettledOnce() {
        Accompaniment accompaniment = open(WorkAxis.PROJECT_ELABORATION);
        PlannedAction action = accompaniment.planAction(pmsmp("2016-03-14", "2016-04-08", null), NOW);
        assertThatThrownBy(() -> accompaniment.completeAction(action.id(), LocalDate.of(2016, 2, 29)))
                .isInstanceOf(RuleViolation.class).extracting("attribute").isEqualTo("effectiveOn");
        accompaniment.completeAction(action.id(), LocalDate.of(2016, 4, 8));
        assertThat(action.status()).isEqualTo(ActionStatus.DONE);
        assertThatThrownBy(() -> accompaniment.cancelAction(action.id(), LocalDate.of(2016, 4, 9)))
                .isInstanceOf(IllegalTransition.class).extracting("attribute").isEqualTo("status");
    }
}
