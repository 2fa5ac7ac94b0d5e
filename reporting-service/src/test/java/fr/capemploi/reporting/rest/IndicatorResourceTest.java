package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Structures registered upstream become the "structures-registered" indicator, exactly once each. */
@QuarkusTest
class IndicatorResourceTest {

    private static final String PARIS = TestRegion.INDICATOR_RESOURCE_PARIS.code;
    private static final String LYON = TestRegion.INDICATOR_RESOURCE_LYON.code;

    @Test
    void registrationsAreCountedNationallyAndByRegionOnceEach() {
        // national figures count every class's structures: each period against its own figure before
        long national = national("2016");
        long nationalH1 = national("2016-H1");
        long national2017 = national("2017");
        long paris = region("2016", PARIS);
        long lyon = region("2016", LYON);

        StructureRegistered first = structure(PARIS, LocalDate.of(2016, 1, 4));
        EventEnvelope firstEvent = TestEvents.publish(first, Instant.parse("2016-01-04T08:00:00Z"));
        TestEvents.publish(first, firstEvent); // redelivered
        TestEvents.publish(structure(PARIS, LocalDate.of(2016, 6, 30)), Instant.parse("2016-06-30T08:00:00Z"));
        TestEvents.publish(structure(LYON, LocalDate.of(2016, 12, 31)), Instant.parse("2016-12-31T08:00:00Z"));
        TestEvents.publish(structure(LYON, LocalDate.of(2017, 1, 1)), Instant.parse("2017-01-01T08:00:00Z"));

        ReportingScenario.awaitApplied();
        org.assertj.core.api.Assertions.assertThat(national("2017")).isEqualTo(national2017 + 4);
        org.assertj.core.api.Assertions.assertThat(national("2016")).isEqualTo(national + 3);
        org.assertj.core.api.Assertions.assertThat(region("2016", PARIS)).isEqualTo(paris + 2);
        org.assertj.core.api.Assertions.assertThat(region("2016", LYON)).isEqualTo(lyon + 1);
        org.assertj.core.api.Assertions.assertThat(national("2016-H1")).isEqualTo(nationalH1 + 2);
    }

    @Test
    void asOfShowsOnlyWhatHadBeenRecordedThen() {
        Instant before = Instant.now();
        long then = asOf(before);
        TestEvents.publish(structure(TestRegion.INDICATOR_RESOURCE_AS_OF.code, LocalDate.of(2015, 3, 1)),
                Instant.parse("2015-03-01T08:00:00Z"));
        ReportingScenario.awaitApplied();
        org.assertj.core.api.Assertions.assertThat(asOf(Instant.now())).isEqualTo(then + 1);
        org.assertj.core.api.Assertions.assertThat(asOf(before)).isEqualTo(then);
    }

    @Test
    void indicatorsAreDefinedInFrench() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators")
                .then().statusCode(200)
                .body("indicators.id", hasItem("structures-registered"))
                .body("indicators.find { it.id == 'structures-registered' }.label", equalTo("Cap emploi enregistrés"));
    }

    @Test
    void badQueriesNameTheParameter() {
        given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016-H3").get("/api/v1/indicators")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("period"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", "yesterday").get("/api/v1/indicators")
                .then().statusCode(400).body("violations[0].field", equalTo("asOf"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region").get("/api/v1/indicators")
                .then().statusCode(400).body("violations[0].field", equalTo("scopeId"));
    }

    /** Several bad parameters: each is named in the one answer, not only the first one read. */
    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "region").queryParam("scopeId", "XX")
                .queryParam("period", "2016-H3").queryParam("asOf", "yesterday").get("/api/v1/indicators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("3 fields are invalid"))
                .body("violations.field", contains("asOf", "period", "scopeId"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("from", "2016-13").queryParam("granularity", "week")
                .get("/api/v1/indicators/structures-registered/series")
                .then().statusCode(400).body("violations.field", contains("from", "granularity"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("scope", "planet").queryParam("asOf", "soon")
                .get("/api/v1/reports/activity/2016-Q5")
                .then().statusCode(400).body("violations.field", contains("asOf", "period", "scope"));
    }

    @Test
    void nobodyButAnalystsAndAdminsReadsThem() {
        given().get("/api/v1/indicators").then().statusCode(401);
        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).get("/api/v1/indicators").then().statusCode(403);
        given().auth().oauth2(TestTokens.partner()).get("/api/v1/indicators").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/indicators").then().statusCode(200);
        given().auth().oauth2(TestTokens.partner()).get("/api/v1/projections/status").then().statusCode(403);
    }

    @Test
    void projectionStatusListsEachPartitionOfTheTopic() {
        TestEvents.publish(structure(PARIS, LocalDate.of(2016, 2, 1)), Instant.parse("2016-02-01T08:00:00Z"));
        ReportingScenario.awaitApplied();
        JsonPath status = given().auth().oauth2(TestTokens.admin()).get("/api/v1/projections/status")
                .then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(status.getList("partitions.topic")).contains(Topics.BENEFICIARY);
        org.assertj.core.api.Assertions.assertThat(status.getList("partitions.projection", String.class))
                .anySatisfy(name -> org.assertj.core.api.Assertions.assertThat(name)
                        .startsWith("reporting-service.structures.g"));
        org.assertj.core.api.Assertions.assertThat(status.getLong("totalLag")).isZero();
    }

    private static StructureRegistered structure(String region, LocalDate registeredOn) {
        UUID id = UUID.randomUUID();
        return new StructureRegistered(id, "R" + id.toString().substring(0, 6).toUpperCase(), "Cap emploi", region,
                region.equals(PARIS) ? "75" : "69", registeredOn);
    }

    private static long national(String period) {
        return value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", period).get("/api/v1/indicators"));
    }

    private static long region(String period, String region) {
        return value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", period)
                .queryParam("scope", "region").queryParam("scopeId", region).get("/api/v1/indicators"));
    }

    private static long asOf(Instant asOf) {
        return value(given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2030")
                .queryParam("asOf", asOf.toString()).get("/api/v1/indicators"));
    }

    private static long value(Response indicators) {
        return IndicatorReads.value(indicators, "structures-registered");
    }
}
