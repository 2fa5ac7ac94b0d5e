package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every indicator of the catalogue against figures counted by hand on {@link ReportingScenario} (region 27, three
 * structures), published out of order and with duplicates. Expected values are derived in the comments.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorCatalogueTest {

    private static final String REGION = TestRegion.INDICATOR_CATALOGUE.code;
    private ReportingScenario scenario;
    private JsonNode year;

    /** Once per class, but inside a test: RestAssured knows the application's port only then. */
    @BeforeEach
    void publishScenario() {
        if (scenario != null) {
            return;
        }
        scenario = new ReportingScenario(REGION).publish();
        year = region("2016", null);
    }

    @Test
    void catalogueListsEveryIndicatorWithItsFrenchLabelAndDefinition() {
        List<String> ids = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        year.path("indicators").forEach(i -> {
            ids.add(IndicatorReads.text(i.path("id")));
            groups.add(i.path("group").isNumber() ? i.path("group").asInt() : null);
            definitions.add(IndicatorReads.text(i.path("definition")));
        });
        assertThat(ids).containsExactlyElementsOf(Arrays.stream(Indicator.values()).map(Indicator::id).toList());
        assertThat(groups).contains(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(definitions).allSatisfy(d -> assertThat(d).isNotBlank());
        assertThat(indicator(year, "cpf-presented").path("label").asText())
                .isEqualTo("Bénéficiaires accompagnés à qui le CPF a été présenté");
    }

    @Test
    void cepBeneficiariesCountDistinctPeopleAtEachLevelHeld() {
        // level 1: the anonymous contact and p1; level 2: p1 (until May), p2; level 3: p1 (from May), p4 (since 2015)
        expect(year, "cep-beneficiaries", "4", "4", null, 2);
        assertThat(part(year, "cep-beneficiaries", "level-1")).isEqualByComparingTo("2");
        assertThat(part(year, "cep-beneficiaries", "level-2")).isEqualByComparingTo("2");
        assertThat(part(year, "cep-beneficiaries", "level-3")).isEqualByComparingTo("2");
        assertThat(part(year, "cep-beneficiaries", "service-PROJECT_ELABORATION_AND_VALIDATION")).isEqualByComparingTo("2");
        assertThat(part(year, "cep-beneficiaries", "service-TRAINING_PROJECT")).isEqualByComparingTo("2");
        // acc1 and acc2 opened in 2016 (acc3 in 2015, acc4 in 2017); both closed in 2016
        expect(year, "accompaniments-opened", "2", "2", null, 1);
        expect(year, "accompaniments-closed", "2", "2", null, 1);
        assertThat(part(year, "accompaniments-closed", "START_TRAINING")).isEqualByComparingTo("1");
    }

    @Test
    void structureSharesAreOverTheStructuresRegistered() {
        expect(year, "structures-registered", "3", "3", null, 3);
        expect(year, "structures-tracing-level1", "33.3", "1", "3", 1);   // only A recorded level-1 contacts
        expect(year, "structures-declaring-level1", "50.0", "1", "2", 2); // A yes, B no, C did not declare
        expect(year, "structures-recording-cep", "66.7", "2", "3", 2);    // A (acc1, acc2) and B (acc3)
        expect(year, "structures-training-not-implemented", "33.3", "1", "3", 1); // B (tp2); A's tp3 is in 2017
        expect(year, "structures-new-financial-engineering", "33.3", "1", "3", 1); // A: tp1 CPF + Agefiph
        assertThat(partNumerator(year, "structures-new-financial-engineering", "projects")).isEqualByComparingTo("1");
        expect(year, "structures-no-new-funder", "50.0", "1", "2", 2);
    }

    @Test
    void counsellorsDeliveringCepOverActiveCounsellors() {
        // active in 2016: cA1, cA2, cA3 (until March), cB1, cC1; acts: cA3 (contact), cA1 (contact, interview,
        // referent), cB1 (referent of acc3); cA2's accompaniment opens in 2017, cC1 has none
        expect(year, "counsellors-delivering-cep", "60.0", "3", "5", 2);
    }

    @Test
    void accompaniedBeneficiariesAreTheDenominatorOfInformationAndCpfSteps() {
        // accompanied in 2016: p1, p2, p4. p4 was informed only in 2017
        expect(year, "informed-about-cep", "33.3", "1", "3", 2);
        expect(year, "cpf-presented", "66.7", "2", "3", 2);
        expect(year, "cpf-opening-assisted", "33.3", "1", "3", 2);
        expect(year, "cpf-consent-collected", "33.3", "1", "3", 2);
        assertThat(part(year, "cpf-consent-collected", "SIGNED_STANDARD_LETTER")).isEqualByComparingTo("33.3");
    }

    @Test
    void actionsCountByPlannedDateAndByDoneDate() {
        // prescribed in 2016: act1 (discover), act2 (confirm, later cancelled); act3 was prescribed in 2015
        expect(year, "pmsmp-prescribed", "2", "2", null, 1);
        assertThat(part(year, "pmsmp-prescribed", "DISCOVER_JOB")).isEqualByComparingTo("1");
        assertThat(part(year, "pmsmp-prescribed", "CONFIRM_PROJECT")).isEqualByComparingTo("1");
        // done in 2016: act1 and act3
        expect(year, "pmsmp-done", "2", "2", null, 2);
        expect(year, "alternance-prescribed", "1", "1", null, 1);
        expect(year, "alternance-done", "1", "1", null, 1);
        assertThat(part(year, "alternance-done", "PROFESSIONALISATION")).isEqualByComparingTo("1");
    }

    @Test
    void trainingsAndFunding() {
        expect(year, "trainings-not-implemented", "1", "1", null, 1);
        assertThat(part(year, "trainings-not-implemented", "NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS"))
                .isEqualByComparingTo("1");
        assertThat(part(year, "trainings-not-implemented", "SLOW_CO_FUNDING_ANSWERS")).isEqualByComparingTo("1");
        expect(year, "trainings-started", "1", "1", null, 1);
        expect(year, "funding-decisions", "3", "3", null, 2);
        assertThat(part(year, "funding-decisions", "GRANTED")).isEqualByComparingTo("2");
        assertThat(part(year, "funding-decisions", "funder-AGEFIPH")).isEqualByComparingTo("1");
        // delays 10, 30 and 20 days: median 20; p90 = 20 + 0.8 × (30 - 20) = 28
        expect(year, "funding-delay-median", "20", "20", "3", 2);
        expect(year, "funding-delay-p90", "28", "28", "3", 2);
        assertThat(part(year, "funding-delay-median", "AGEFIPH")).isEqualByComparingTo("30");
    }

    @Test
    void entriesExitsAndOutcomes() {
        // entries in 2016: p1, p2 (Pôle emploi), p3 (Mission Locale), p5 (spontaneous); p4 entered in 2015
        expect(year, "entries-by-orientation-source", "50.0", "2", "4", 2);
        assertThat(partNumerator(year, "entries-by-orientation-source", "MISSION_LOCALE")).isEqualByComparingTo("1");
        expect(year, "exits-by-reason", "1", "1", null, 1);
        assertThat(part(year, "exits-by-reason", "SUSTAINABLE_JOB")).isEqualByComparingTo("1");
        expect(year, "cep-decision-taken", "50.0", "1", "2", 1);
    }

    @Test
    void portfolioAtThePeriodsEnd() {
        // 31/12: p1 (cA1), p3 (cA2), p4 and p5 (cB1); p2 left in October → 4 / 3
        expect(year, "average-portfolio", "1.33", "4", "3", 2);
        // 30/06: p2 still there → 5 / 3
        expect(region("2016-H1", null), "average-portfolio", "1.67", "5", "3", 2);
    }

    @Test
    void declaredFiguresKeepTheLatestVersionAndTheirCoverage() {
        expect(year, "declared-fte-level1-only", "3.0", "3.0", null, 2); // A v2 2.5 + B 0.5
        expect(year, "declared-fte-levels-2-3-only", "3.0", "3.0", null, 2);
        expect(year, "declared-fte-all-levels", "5.25", "5.25", null, 2);
        expect(year, "declared-fte-total", "11.25", "11.25", null, 2);
        expect(year, "declared-fte-support", "1.5", "1.5", null, 2);
        expect(year, "professionalisation-actions", "50.0", "1", "2", 2);
        assertThat(partNumerator(year, "professionalisation-actions", "AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING"))
                .isEqualByComparingTo("1");
        expect(year, "systematic-training", "50.0", "1", "2", 2);
        expect(year, "cep-training-days-per-counsellor", "2.50", "10", "4", 1);
        expect(year, "mutualised-offer-used", "100.0", "1", "1", 1);
        expect(year, "at-least-one-cep-training", "100.0", "2", "2", 2);
        // a half-year nobody declared for
        JsonNode half = region("2016-H1", null);
        expect(half, "declared-fte-total", null, null, null, 0);
    }

    @Test
    void asOfReproducesWhatHadBeenRecordedThen() {
        JsonNode before = region("2016", scenario.beforeRevision.toString());
        expect(before, "declared-fte-level1-only", "2.0", "2.0", null, 2);   // A v1 1.5 + B 0.5
        expect(before, "declared-fte-total", "9.75", "9.75", null, 2);
        expect(before, "structures-registered", "3", "3", null, 3);
        // the people were registered after the revision: no entry was known then
        expect(before, "entries-by-orientation-source", null, "0", "0", 0);
    }

    @Test
    void structureScopeAndQuarterlyPeriods() {
        JsonNode a = JsonAnswer.of(given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "structure")
                .queryParam("scopeId", scenario.structureA.toString()).queryParam("period", "2016")
                .get("/api/v1/indicators").then().statusCode(200).extract().response());
        expect(a, "cep-beneficiaries", "3", "3", null, 1); // anonymous, p1, p2
        expect(a, "structures-registered", "1", "1", null, 1);
        // Q3: only p1 (level 3 until the end of September) and p4
        expect(region("2016-Q3", null), "cep-beneficiaries", "2", "2", null, 2);
    }

    @Test
    void seriesCutsTheYearIntoQuarters() {
        JsonPath series = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).queryParam("from", "2016-01").queryParam("to", "2016-12")
                .queryParam("granularity", "quarter").get("/api/v1/indicators/cep-beneficiaries/series")
                .then().statusCode(200).extract().jsonPath();
        assertThat(series.getList("points.period")).containsExactly("2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4");
        // Q1: anonymous, p1, p2, p4; Q2: p1, p2 (closed in June), p4; Q3: p1, p4; Q4: p4
        assertThat(series.getList("points.value", Integer.class)).containsExactly(4, 3, 2, 1);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators/nope/series").then().statusCode(404);
        given().auth().oauth2(TestTokens.analyst()).queryParam("from", "2016-01").queryParam("granularity", "week")
                .get("/api/v1/indicators/cep-beneficiaries/series").then().statusCode(400)
                .body("violations[0].field", equalTo("granularity"));
    }

    @Test
    void managersSeeTheirOwnStructureOnly() {
        UUID a = scenario.structureA;
        given().auth().oauth2(TestTokens.manager(a)).queryParam("period", "2016").get("/api/v1/indicators")
                .then().statusCode(200).body("scope", equalTo("structure")).body("scopeId", equalTo(a.toString()));
        given().auth().oauth2(TestTokens.manager(a)).queryParam("scope", "structure")
                .queryParam("scopeId", scenario.structureB.toString()).get("/api/v1/indicators").then().statusCode(404);
        given().auth().oauth2(TestTokens.manager(a)).queryParam("scope", "national").get("/api/v1/indicators")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.counsellor(a)).get("/api/v1/indicators/cep-beneficiaries/series")
                .then().statusCode(403);
    }

    private static JsonNode region(String period, String asOf) {
        var request = given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region")
                .queryParam("scopeId", REGION).queryParam("period", period);
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return JsonAnswer.of(request.get("/api/v1/indicators").then().statusCode(200).extract().response());
    }

    /** Indicator {@code id} of the answer (read with Jackson: {@link IndicatorReads}), which must be there. */
    private static JsonNode indicator(JsonNode json, String id) {
        JsonNode indicator = IndicatorReads.indicator(json, id);
        assertThat(indicator.isObject()).as(id + " in the answer").isTrue();
        return indicator;
    }

    private static void expect(JsonNode json, String id, String value, String numerator, String denominator,
            long contributing) {
        JsonNode indicator = indicator(json, id);
        assertThat(decimal(indicator.path("value"))).as(id + " value").isEqualTo(decimal(value));
        assertThat(decimal(indicator.path("numerator"))).as(id + " numerator").isEqualTo(decimal(numerator));
        assertThat(decimal(indicator.path("denominator"))).as(id + " denominator").isEqualTo(decimal(denominator));
        JsonNode contributed = indicator.path("coverage").path("contributing");
        assertThat(contributed.isIntegralNumber()).as(id + " contributing").isTrue();
        assertThat(contributed.asLong()).as(id + " contributing").isEqualTo(contributing);
    }

    private static BigDecimal part(JsonNode json, String id, String key) {
        return decimal(breakdown(json, id, key).path("value"));
    }

    private static BigDecimal partNumerator(JsonNode json, String id, String key) {
        return decimal(breakdown(json, id, key).path("numerator"));
    }

    private static JsonNode breakdown(JsonNode json, String id, String key) {
        JsonNode part = IndicatorReads.part(json, id, key);
        if (!part.isObject()) {
            throw new AssertionError(id + " has no part " + key + ": " + indicator(json, id).path("breakdown"));
        }
        return part;
    }

    /** Compares numbers whatever their JSON form (10, 10.0): null stays null. */
    private static BigDecimal decimal(JsonNode value) {
        return decimal(IndicatorReads.text(value));
    }

    private static BigDecimal decimal(String value) {
        if (value == null) {
            return null;
        }
        return new BigDecimal(value).stripTrailingZeros();
    }
}
