package fr.capemploi.reporting.rest;

import static fr.capemploi.reporting.messaging.UpstreamEvents.anonymousContact;
import static fr.capemploi.reporting.messaging.UpstreamEvents.d;
import static fr.capemploi.reporting.messaging.UpstreamEvents.levelChanged;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newCounsellor;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newPerson;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newStructure;
import static fr.capemploi.reporting.messaging.UpstreamEvents.opened;
import static fr.capemploi.reporting.messaging.UpstreamEvents.publish;
import static fr.capemploi.reporting.messaging.UpstreamEvents.publishRecordedAt;
import static fr.capemploi.reporting.messaging.UpstreamEvents.structure;
import static fr.capemploi.reporting.rest.IndicatorReads.expect;
import static fr.capemploi.reporting.rest.IndicatorReads.figure;
import static fr.capemploi.reporting.rest.IndicatorReads.indicators;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryExited;
import fr.capemploi.events.beneficiary.BeneficiaryExited.ExitReason;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.events.cep.AccompanimentClosed;
import fr.capemploi.events.cep.CepInformationGiven;
import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted;
import fr.capemploi.events.cpf.CpfConsentGiven;
import fr.capemploi.events.cpf.CpfConsentGiven.ConsentModality;
import fr.capemploi.events.cpf.CpfConsentWithdrawn;
import fr.capemploi.events.cpf.FundingDecided;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of DOMAIN.md's "Edge cases, decided", read through the REST API from events published to the
 * broker. Every expected figure is worked out by hand in the test's comments. Each test has its own structure (or,
 * for the rounding of a share of structures, its own region), so the tests do not see each other's facts.
 */
@QuarkusTest
class DecidedEdgeCasesTest {

    /** A region no other test of this service uses: the rounding test counts every structure in it. */
    private static final String ROUNDING_REGION = TestRegion.DECIDED_EDGE_CASES_ROUNDING.code;

    @Test
    void anAsOfDateMeansTheEndOfThatDayInParisAndTheResponseEchoesTheInstantUsed() {
        UUID structure = UUID.randomUUID();
        publishRecordedAt(structure(structure, TestRegion.DECIDED_EDGE_CASES.code, d("2015-01-01")),
                Instant.parse("2016-01-01T00:00:00Z"));
        // 15 June 2016, 23:59:59 in Paris (summer time, UTC+2): recorded on the 15th
        publishRecordedAt(anonymousContact(structure, d("2016-06-10")), Instant.parse("2016-06-15T21:59:59Z"));
        // 16 June 2016, 00:00:00 in Paris: recorded on the 16th
        publishRecordedAt(anonymousContact(structure, d("2016-06-11")), Instant.parse("2016-06-15T22:00:00Z"));
        ReportingScenario.awaitApplied();

        JsonNode onThe15th = indicators(structure, "2016", "2016-06-15");
        assertThat(onThe15th.path("asOf").asText()).isEqualTo("2016-06-15T21:59:59.999999Z");
        assertThat(figure(onThe15th, "cep-beneficiaries", "numerator")).isEqualByComparingTo("1");

        JsonNode onThe16th = indicators(structure, "2016", "2016-06-16");
        assertThat(onThe16th.path("asOf").asText()).isEqualTo("2016-06-16T21:59:59.999999Z");
        assertThat(figure(onThe16th, "cep-beneficiaries", "numerator")).isEqualByComparingTo("2");

        // an instant is taken as it is
        JsonNode atMidnight = indicators(structure, "2016", "2016-06-15T22:00:00Z");
        assertThat(atMidnight.path("asOf").asText()).isEqualTo("2016-06-15T22:00:00Z");
        assertThat(figure(atMidnight, "cep-beneficiaries", "numerator")).isEqualByComparingTo("2");

        // winter time (UTC+1): the end of 1 January 2016 in Paris is 22:59:59.999999 UTC; the structure recorded at
        // 01:00 that day in Paris is seen
        JsonNode newYear = indicators(structure, "2016", "2016-01-01");
        assertThat(newYear.path("asOf").asText()).isEqualTo("2016-01-01T22:59:59.999999Z");
        expect(newYear, """
                structures-registered  numerator   1
                cep-beneficiaries      numerator   0
                """);

        JsonPath series = given().auth().oauth2(TestTokens.analyst()).queryParam("from", "2016-06")
                .queryParam("to", "2016-06").queryParam("scope", "structure").queryParam("scopeId", structure.toString())
                .queryParam("asOf", "2016-06-15").get("/api/v1/indicators/cep-beneficiaries/series").then()
                .statusCode(200).extract().jsonPath();
        assertThat(series.getString("asOf")).isEqualTo("2016-06-15T21:59:59.999999Z");
        assertThat(series.getString("points[0].numerator")).isEqualTo("1");

        for (String report : List.of("/api/v1/reports/cnefop/2016", "/api/v1/reports/activity/2016-Q2")) {
            assertThat(given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "structure")
                    .queryParam("scopeId", structure.toString()).queryParam("asOf", "2016-06-15").get(report).then()
                    .statusCode(200).extract().jsonPath().getString("asOf"))
                    .as(report).isEqualTo("2016-06-15T21:59:59.999999Z");
        }
    }

    @Test
    void aPeriodIncludesItsFirstAndItsLastDay() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        for (String day : List.of("2015-12-31", "2016-01-01", "2016-12-31", "2017-01-01")) {
            publish(anonymousContact(structure, d(day)));
        }
        ReportingScenario.awaitApplied();

        // 1 January and 31 December 2016 are in 2016; the days either side are not
        Map.of("2016", "2", "2016-01", "1", "2016-Q4", "1", "2015-H2", "1").forEach((period, people) ->
                assertThat(figure(indicators(structure, period, null), "cep-beneficiaries", "numerator")).as(period)
                        .isEqualByComparingTo(people));
    }

    @Test
    void aLevelChangedTheDayItWasTakenIsHeldForNoDayAndCountsNowhere() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID counsellor = newCounsellor(structure);
        UUID corrected = UUID.randomUUID();
        UUID accCorrected = UUID.randomUUID();
        UUID oneDay = UUID.randomUUID();
        UUID accOneDay = UUID.randomUUID();
        // opened at level 2 on 1 March and corrected to level 3 the same day: level 2 was never held
        publish(opened(accCorrected, corrected, structure, counsellor, 2, "2016-03-01"));
        publish(levelChanged(accCorrected, corrected, structure, counsellor, 2, 3, "2016-03-01"));
        // level 2 on 1 March, level 3 from 2 March: level 2 held one day
        publish(opened(accOneDay, oneDay, structure, counsellor, 2, "2016-03-01"));
        publish(levelChanged(accOneDay, oneDay, structure, counsellor, 2, 3, "2016-03-02"));
        ReportingScenario.awaitApplied();

        JsonNode q1 = indicators(structure, "2016-Q1", null);
        expect(q1, """
                cep-beneficiaries                                             numerator   2
                cep-beneficiaries level-2                                     numerator   1
                cep-beneficiaries level-3                                     numerator   2
                # the level held for no day does not lend its Cap emploi service either
                cep-beneficiaries service-PROJECT_ELABORATION_AND_VALIDATION  numerator   1
                cep-beneficiaries service-TRAINING_PROJECT                    numerator   2
                """);
    }

    @Test
    void anAccompanimentClosedOnADayIsActiveThatDayAndNotAfter() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID counsellor = newCounsellor(structure);
        UUID person = UUID.randomUUID();
        UUID accompaniment = UUID.randomUUID();
        publish(opened(accompaniment, person, structure, counsellor, 2, "2016-01-10"));
        publish(new AccompanimentClosed(accompaniment, person, structure, counsellor, 2,
                CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, d("2016-03-31"),
                AccompanimentClosed.Outcome.JOB_SEARCH, true));
        ReportingScenario.awaitApplied();

        // closed on 31 March: active in March (its last day), not in April
        JsonNode march = indicators(structure, "2016-03", null);
        expect(march, """
                structures-recording-cep   numerator   1
                cep-beneficiaries level-2  numerator   1
                informed-about-cep         denominator 1
                accompaniments-closed      numerator   1
                """);

        JsonNode april = indicators(structure, "2016-04", null);
        expect(april, """
                structures-recording-cep  numerator   0
                cep-beneficiaries         numerator   0
                informed-about-cep        denominator 0
                accompaniments-closed     numerator   0
                """);
    }

    @Test
    void anExitOnAPeriodsLastDayLeavesThePortfolioAtItsEndButIsAnExitOfThatPeriod() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID referent = newCounsellor(structure);
        newPerson(structure, referent, "2016-01-04"); // stays
        UUID leavesOnLastDay = newPerson(structure, referent, "2016-01-04");
        UUID leavesNextDay = newPerson(structure, referent, "2016-01-04");
        publish(new BeneficiaryExited(leavesOnLastDay, structure, d("2016-03-31"), ExitReason.SUSTAINABLE_JOB));
        publish(new BeneficiaryExited(leavesNextDay, structure, d("2016-04-01"), ExitReason.TRAINING));
        ReportingScenario.awaitApplied();

        // at the end of Q1: the one who stays and the one leaving on 1 April (present up to 31 March)
        JsonNode q1 = indicators(structure, "2016-Q1", null);
        expect(q1, """
                average-portfolio                numerator   2
                average-portfolio                denominator 1
                exits-by-reason                  numerator   1
                exits-by-reason SUSTAINABLE_JOB  numerator   1
                """);
        // at the end of Q2 only the one who stays; the exit of 1 April is Q2's
        JsonNode q2 = indicators(structure, "2016-Q2", null);
        expect(q2, """
                average-portfolio         numerator   1
                exits-by-reason           numerator   1
                exits-by-reason TRAINING  numerator   1
                """);
        // in March, whose last day is the same 31 March
        JsonNode march = indicators(structure, "2016-03", null);
        expect(march, """
                average-portfolio  numerator   2
                exits-by-reason    numerator   1
                """);
    }

    @Test
    void aReferentAssignedOnAPeriodsLastDayIsTheReferentAtItsEnd() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID first = newCounsellor(structure);
        UUID second = newCounsellor(structure);
        newPerson(structure, first, "2016-01-04"); // kept
        UUID moved = newPerson(structure, first, "2016-01-04");
        publish(new ReferentAssigned(moved, structure, second, first, d("2016-03-31")));
        ReportingScenario.awaitApplied();

        // end of February: both with the first referent, 2 people / 1 referent
        JsonNode february = indicators(structure, "2016-02", null);
        expect(february, """
                average-portfolio  numerator   2
                average-portfolio  denominator 1
                """);
        // end of March (the day of the assignment): one each, 2 people / 2 referents = 1.00
        JsonNode march = indicators(structure, "2016-03", null);
        expect(march, """
                average-portfolio  numerator   2
                average-portfolio  denominator 2
                average-portfolio  value       1.00
                """);
    }

    @Test
    void distinctPeopleAreCountedOnceInTheTotalAndOnceAtEachLevelTheyHeld() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID counsellor = newCounsellor(structure);
        UUID person = UUID.randomUUID();
        UUID accompaniment = UUID.randomUUID();
        // the person: level 1 in January, level 2 from February, level 3 from May; plus one anonymous contact
        publish(new Level1ContactRecorded(UUID.randomUUID(), structure, counsellor, person, d("2016-01-05"),
                Level1ContactRecorded.ContactChannel.ON_SITE, Level1ContactRecorded.Level1Request.CEP_INFORMATION,
                false));
        publish(new Level1ContactRecorded(UUID.randomUUID(), structure, counsellor, person, d("2016-01-20"),
                Level1ContactRecorded.ContactChannel.PHONE, Level1ContactRecorded.Level1Request.CPF_INFORMATION,
                false));
        publish(anonymousContact(structure, d("2016-02-01")));
        publish(opened(accompaniment, person, structure, counsellor, 2, "2016-02-01"));
        publish(levelChanged(accompaniment, person, structure, counsellor, 2, 3, "2016-05-01"));
        ReportingScenario.awaitApplied();

        // total: the person and the anonymous contact = 2; level 1: both = 2; level 2: 1; level 3: 1 (sum 4 > 2)
        JsonNode year = indicators(structure, "2016", null);
        expect(year, """
                cep-beneficiaries          numerator   2
                cep-beneficiaries level-1  numerator   2
                cep-beneficiaries level-2  numerator   1
                cep-beneficiaries level-3  numerator   1
                """);
    }

    @Test
    void aConsentCountsIfGivenByThePeriodsEndUnlessWithdrawnOnOrBeforeItsStart() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID counsellor = newCounsellor(structure);
        UUID withdrawnLater = UUID.randomUUID();
        UUID withdrawnOnStart = UUID.randomUUID();
        UUID withdrawnBefore = UUID.randomUUID();
        UUID givenOnLastDay = UUID.randomUUID();
        UUID withdrawnAfterStart = UUID.randomUUID();
        for (UUID person : List.of(withdrawnLater, withdrawnOnStart, withdrawnBefore, givenOnLastDay,
                withdrawnAfterStart)) {
            publish(opened(UUID.randomUUID(), person, structure, counsellor, 2, "2016-01-04"));
        }
        consent(withdrawnLater, structure, counsellor, "2016-02-01", ConsentModality.SIGNED_STANDARD_LETTER,
                "2016-08-01");
        consent(withdrawnOnStart, structure, counsellor, "2015-06-01", ConsentModality.SIGNED_STANDARD_LETTER,
                "2016-01-01");
        consent(withdrawnBefore, structure, counsellor, "2015-06-01", ConsentModality.SIGNED_STANDARD_LETTER,
                "2015-12-31");
        consent(givenOnLastDay, structure, counsellor, "2016-12-31", ConsentModality.CPF_SYSTEM_SCREENSHOT, null);
        consent(withdrawnAfterStart, structure, counsellor, "2015-03-01", ConsentModality.INTERVIEW_SYNTHESIS_GIVEN,
                "2016-01-02");
        // CEP information given before the period counts for it; given after its end, not
        publish(new CepInformationGiven(UUID.randomUUID(), withdrawnLater, structure, counsellor, d("2015-12-01")));
        publish(new CepInformationGiven(UUID.randomUUID(), withdrawnOnStart, structure, counsellor, d("2017-01-02")));
        ReportingScenario.awaitApplied();

        // 2016: 5 accompanied; consents of withdrawnLater, givenOnLastDay, withdrawnAfterStart = 3 / 5 = 60.0 %
        JsonNode year = indicators(structure, "2016", null);
        expect(year, """
                cpf-consent-collected                            numerator   3
                cpf-consent-collected                            denominator 5
                cpf-consent-collected                            value       60.0
                cpf-consent-collected SIGNED_STANDARD_LETTER     numerator   1
                cpf-consent-collected SIGNED_STANDARD_LETTER     value       20.0
                cpf-consent-collected CPF_SYSTEM_SCREENSHOT      numerator   1
                cpf-consent-collected INTERVIEW_SYNTHESIS_GIVEN  numerator   1
                """);
        // 2016-H2 (from 1 July): withdrawnAfterStart's withdrawal of 2 January is before it: 2 / 5 = 40.0 %
        JsonNode h2 = indicators(structure, "2016-H2", null);
        expect(h2, """
                cpf-consent-collected  numerator   2
                cpf-consent-collected  value       40.0
                """);
        expect(year, """
                # CEP information: 1 / 5 = 20.0 %
                informed-about-cep  numerator   1
                informed-about-cep  value       20.0
                """);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValuesAndP90InterpolatesBetweenRanks() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID person = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        // CPF answered in 3, 8, 10 and 21 days; Agefiph in 4 and 6; a withdrawn request is no answer
        for (int delay : new int[] {3, 8, 10, 21}) {
            publish(decision(project, person, structure, Funder.CPF, FundingDecided.Decision.GRANTED, delay));
        }
        for (int delay : new int[] {4, 6}) {
            publish(decision(project, person, structure, Funder.AGEFIPH, FundingDecided.Decision.GRANTED, delay));
        }
        publish(decision(project, person, structure, Funder.REGION, FundingDecided.Decision.WITHDRAWN, 100));
        ReportingScenario.awaitApplied();

        JsonNode year = indicators(structure, "2016", null);
        expect(year, """
                # all six: 3 4 6 8 10 21; median (6 + 8) / 2 = 7; p90 at rank 0.9 x 5 = 4.5: 10 + 0.5 x (21 - 10) = 15.5
                funding-delay-median          value       7
                funding-delay-median          denominator 6
                funding-delay-p90             value       15.5
                # CPF: 3 8 10 21; median (8 + 10) / 2 = 9; p90 at rank 2.7: 10 + 0.7 x 11 = 17.7
                funding-delay-median CPF      value       9
                funding-delay-p90 CPF         value       17.7
                # Agefiph: 4 6; median 5; p90 at rank 0.9: 4 + 0.9 x 2 = 5.8
                funding-delay-median AGEFIPH  value       5
                funding-delay-p90 AGEFIPH     value       5.8
                """);
        List<String> keys = new ArrayList<>();
        IndicatorReads.indicator(year, "funding-delay-median").path("breakdown")
                .forEach(part -> keys.add(part.path("key").asText()));
        assertThat(keys).doesNotContain("REGION");
    }

    @Test
    void percentagesAreRoundedHalfUpForDisplayOnlyAndSharesComeFromUnroundedFigures() {
        List<UUID> structures = IntStream.range(0, 16).mapToObj(i -> UUID.randomUUID()).toList();
        structures.forEach(s -> publish(structure(s, ROUNDING_REGION, d("2015-01-01"))));
        publish(anonymousContact(structures.get(0), d("2016-05-01")));
        // training days per trained counsellor: 10 days for 4 in one structure, 3 days for 2 in another
        publish(declaration(structures.get(0), 10.0, 4));
        publish(declaration(structures.get(1), 3.0, 2));
        ReportingScenario.awaitApplied();

        JsonNode region = JsonAnswer.of(given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016")
                .queryParam("scope", "region").queryParam("scopeId", ROUNDING_REGION).get("/api/v1/indicators")
                .then().statusCode(200).extract().response());
        expect(region, """
                # 1 structure of 16 traces level 1: 6.25 % shown 6.3 (half-up, not 6.2), from 1 and 16 given as they are
                structures-tracing-level1         value       6.3
                structures-tracing-level1         numerator   1
                structures-tracing-level1         denominator 16
                # (10 + 3) / (4 + 2) = 2.1666... shown 2.17; the mean of the structures' own ratios (2.5 and 1.5)
                # would be 2
                cep-training-days-per-counsellor  value       2.17
                cep-training-days-per-counsellor  numerator   13
                cep-training-days-per-counsellor  denominator 6
                """);
    }

    @Test
    void aShareWithAZeroDenominatorIsNotAvailableNeverZeroPercent() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        ReportingScenario.awaitApplied();

        JsonNode year = indicators(structure, "2016", null);
        for (String id : List.of("informed-about-cep", "cpf-presented", "cpf-opening-assisted", "cpf-consent-collected",
                "cep-decision-taken", "entries-by-orientation-source", "counsellors-delivering-cep",
                "systematic-training")) {
            assertThat(figure(year, id, "denominator")).as(id).isEqualByComparingTo("0");
            assertThat(IndicatorReads.text(IndicatorReads.indicator(year, id).path("value"))).as(id).isNull();
        }
        for (String id : List.of("average-portfolio", "funding-delay-median", "funding-delay-p90",
                "cep-training-days-per-counsellor")) {
            assertThat(IndicatorReads.text(IndicatorReads.indicator(year, id).path("value"))).as(id).isNull();
        }
        // a count with nothing to count is a true zero
        assertThat(figure(year, "accompaniments-opened", "value")).isEqualByComparingTo("0");
    }

    @Test
    void anErasedPersonStillCountsInEveryPeriodBeforeAndAfterTheErasure() {
        UUID structure = newStructure(TestRegion.DECIDED_EDGE_CASES.code);
        UUID referent = newCounsellor(structure);
        UUID person = newPerson(structure, referent, "2016-02-01");
        publish(new Level1ContactRecorded(UUID.randomUUID(), structure, referent, person, d("2016-02-10"),
                Level1ContactRecorded.ContactChannel.ON_SITE, Level1ContactRecorded.Level1Request.CEP_INFORMATION,
                false));
        publish(opened(UUID.randomUUID(), person, structure, referent, 2, "2016-03-01"));
        ReportingScenario.awaitApplied();
        JsonNode year2016 = indicators(structure, "2016", null);
        JsonNode year2017 = indicators(structure, "2017", null);

        publish(new BeneficiaryErased(person, structure, d("2016-06-01")));
        ReportingScenario.awaitApplied();

        JsonNode after2016 = indicators(structure, "2016", null);
        JsonNode after2017 = indicators(structure, "2017", null);
        assertThat(after2016.path("indicators")).isEqualTo(year2016.path("indicators"));
        assertThat(after2017.path("indicators")).isEqualTo(year2017.path("indicators"));
        expect(after2016, """
                # 2016: one entry (Pôle emploi), one person at levels 1 and 2, in a portfolio of one at the year's end
                entries-by-orientation-source  numerator   1
                cep-beneficiaries              numerator   1
                cep-beneficiaries level-1      numerator   1
                cep-beneficiaries level-2      numerator   1
                average-portfolio              numerator   1
                """);
        expect(after2017, """
                # 2017, after the erasure: the accompaniment still open, the person still in the portfolio
                cep-beneficiaries  numerator   1
                average-portfolio  numerator   1
                """);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private static void consent(UUID person, UUID structure, UUID counsellor, String given, ConsentModality modality,
            String withdrawn) {
        UUID consent = UUID.randomUUID();
        publish(new CpfConsentGiven(consent, person, structure, counsellor, d(given), modality));
        if (withdrawn != null) {
            publish(new CpfConsentWithdrawn(consent, person, structure, counsellor, d(withdrawn)));
        }
    }

    private static FundingDecided decision(UUID project, UUID person, UUID structure, Funder funder,
            FundingDecided.Decision decision, int delay) {
        LocalDate requested = d("2016-03-01");
        return new FundingDecided(UUID.randomUUID(), project, person, structure, funder, decision,
                new BigDecimal("1000.00"), decision == FundingDecided.Decision.GRANTED ? new BigDecimal("1000.00")
                        : BigDecimal.ZERO, null, requested, requested.plusDays(delay), delay, false);
    }

    private static OperatorDeclarationSubmitted declaration(UUID structure, double trainingDays, int trained) {
        return new OperatorDeclarationSubmitted(UUID.randomUUID(), structure, "2016", d("2016-01-01"), d("2016-12-31"),
                1, null, d("2017-05-01"), 1.0, 1.0, 1.0, 3.0, 0.5, true, List.of(), true, trainingDays, trained, true,
                false, List.of(), true, true, true, true, true, true);
    }
}
