package fr.capemploi.reporting.rest;

import static fr.capemploi.reporting.messaging.UpstreamEvents.anonymousContact;
import static fr.capemploi.reporting.messaging.UpstreamEvents.d;
import static fr.capemploi.reporting.messaging.UpstreamEvents.newStructure;
import static fr.capemploi.reporting.messaging.UpstreamEvents.publish;
import static fr.capemploi.reporting.messaging.UpstreamEvents.structure;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard asks besides the catalogue: the latest period with recorded facts (it opens on it) and one
 * indicator in every region beside the nation (its comparison of regions).
 */
@QuarkusTest
class DashboardQueriesTest {

    /** Regions no other test of this service uses, so their figures are this test's alone. */
    private static final String TRACING_REGION = TestRegion.DASHBOARD_QUERIES_TRACING.code;
    private static final String SILENT_REGION = TestRegion.DASHBOARD_QUERIES_SILENT.code;

    @Test
    void theLatestPeriodIsTheYearOfTheLatestFactDatedByToday() {
        UUID structure = newStructure(TestRegion.DASHBOARD_QUERIES_LATEST_FACT.code);
        LocalDate today = BusinessDay.today(Clock.systemUTC());
        publish(anonymousContact(structure, today));
        // a date beyond today is not a recorded fact yet (and no fact can be later than today's)
        publish(anonymousContact(structure, today.plusYears(3)));
        ReportingScenario.awaitApplied();

        JsonPath latest = given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators/latest-period").then()
                .statusCode(200).extract().jsonPath();
        // read today again: a test run across midnight in Paris may see the next day
        assertThat(latest.getString("latestFactOn"))
                .isIn(today.toString(), BusinessDay.today(Clock.systemUTC()).toString());
        assertThat(latest.getString("year")).isEqualTo(latest.getString("latestFactOn").substring(0, 4));
        given().auth().oauth2(TestTokens.manager(structure)).get("/api/v1/indicators/latest-period").then()
                .statusCode(200);
        given().get("/api/v1/indicators/latest-period").then().statusCode(401);
    }

    @Test
    void eachRegionIsComputedFromItsOwnFiguresAndTheNationFromAllOfThem() {
        List<UUID> tracing = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<UUID> silent = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        tracing.forEach(s -> publish(structure(s, TRACING_REGION, d("2015-01-01"))));
        silent.forEach(s -> publish(structure(s, SILENT_REGION, d("2015-01-01"))));
        publish(anonymousContact(tracing.get(0), LocalDate.of(2016, 4, 5)));
        ReportingScenario.awaitApplied();

        JsonPath comparison = given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016")
                .queryParam("asOf", "2030-01-01").get("/api/v1/indicators/structures-tracing-level1/regions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(comparison.getString("id")).isEqualTo("structures-tracing-level1");
        assertThat(comparison.getString("unit")).isEqualTo("PERCENT");
        assertThat(comparison.getString("asOf")).isEqualTo("2030-01-01T22:59:59.999999Z");
        // 1 of the 2 structures of region 32 traces level 1: 50.0 %; none of the 3 of region 44: a true 0.0 %
        Map<String, Object> tracingRegion = region(comparison, TRACING_REGION);
        assertThat(decimal(tracingRegion.get("value"))).isEqualByComparingTo("50.0");
        assertThat(decimal(tracingRegion.get("numerator"))).isEqualByComparingTo("1");
        assertThat(decimal(tracingRegion.get("denominator"))).isEqualByComparingTo("2");
        Map<String, Object> silentRegion = region(comparison, SILENT_REGION);
        assertThat(decimal(silentRegion.get("value"))).isEqualByComparingTo("0.0");
        assertThat(decimal(silentRegion.get("denominator"))).isEqualByComparingTo("3");
        // the nation is the sum of its regions' figures, not an average of their rounded shares
        List<Map<String, Object>> regions = comparison.getList("regions");
        BigDecimal numerators = regions.stream().map(r -> decimal(r.get("numerator"))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal denominators = regions.stream().map(r -> decimal(r.get("denominator"))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertThat(comparison.getString("national.region")).isNull();
        assertThat(new BigDecimal(comparison.getString("national.numerator"))).isEqualByComparingTo(numerators);
        assertThat(new BigDecimal(comparison.getString("national.denominator"))).isEqualByComparingTo(denominators);
        assertThat(regions.stream().map(r -> (String) r.get("region")).toList()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void onlyAnalystsAndAdminsCompareRegionsAndBadQueriesAreNamed() {
        given().auth().oauth2(TestTokens.manager(UUID.randomUUID())).get("/api/v1/indicators/cep-beneficiaries/regions")
                .then().statusCode(403);
        given().get("/api/v1/indicators/cep-beneficiaries/regions").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/indicators/cep-beneficiaries/regions").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.analyst()).get("/api/v1/indicators/nope/regions").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016-Q5")
                .get("/api/v1/indicators/cep-beneficiaries/regions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("period"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("asOf", "hier")
                .get("/api/v1/indicators/cep-beneficiaries/regions").then().statusCode(400)
                .body("violations[0].field", equalTo("asOf"));
        given().auth().oauth2(TestTokens.analyst()).queryParam("period", "2016-Q5").queryParam("asOf", "hier")
                .get("/api/v1/indicators/cep-beneficiaries/regions").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("asOf", "period"));
    }

    private static Map<String, Object> region(JsonPath comparison, String code) {
        Map<String, Object> region = comparison.getMap("regions.find { it.region == '" + code + "' }");
        assertThat(region).as("region " + code).isNotNull();
        return region;
    }

    private static BigDecimal decimal(Object value) {
        assertThat(value).isNotNull();
        return new BigDecimal(String.valueOf(value));
    }
}
