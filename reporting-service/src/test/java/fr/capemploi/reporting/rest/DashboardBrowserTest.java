package fr.capemploi.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.reporting.config.TestRegion;
import fr.capemploi.reporting.messaging.ReportingScenario;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser (Debian's headless Chromium): an analyst's token in the tab, the page opens on the
 * latest year with recorded facts and shows every indicator of the catalogue with the figure the API gives, each
 * breakdown, the comparison of regions (table and bars), the series and both reports, each with the time its answer
 * took, and the browser reports no console error, uncaught exception or failed load.
 */
@QuarkusTest
class DashboardBrowserTest {

    /** True once every part of the page has its answer and nothing is loading. */
    private static final String READY = """
            (() => {
              const count = selector => document.querySelectorAll(selector).length;
              return count('[aria-busy="true"]') === 0 && count('#catalogue-groups article.indicator') > 0
                && count('#series-output svg') > 0 && count('#regions-output table') > 0
                && count('#cnefop-output table') > 0 && count('#activity-output table') > 0
                && document.getElementById('catalogue-timing').textContent !== '';
            })()""";
    /** What the page shows, read from its DOM. */
    private static final String SHOWN = """
            (() => ({
              kind: document.getElementById('period-kind').value,
              year: document.getElementById('period-year').value,
              cards: [...document.querySelectorAll('#catalogue-groups article.indicator')].map(card => ({
                id: card.querySelector('h4').id.replace(/^indicator-/, ''),
                value: card.querySelector('.value').textContent,
                fraction: card.querySelector('.facts dd').textContent,
                bars: card.querySelectorAll('figure.breakdown svg .bar').length
              })),
              regionsShown: !document.getElementById('regions').hidden,
              regionRows: document.querySelectorAll('#regions-output table tbody tr').length,
              regionBars: document.querySelectorAll('#regions-output svg .bar').length,
              seriesRows: document.querySelectorAll('#series-output table tbody tr').length,
              cnefopRows: document.querySelectorAll('#cnefop-output table tbody tr').length,
              activityTables: document.querySelectorAll('#activity-output table').length,
              timings: [...document.querySelectorAll('.timing')].map(t => t.textContent).filter(t => t),
              errors: [...document.querySelectorAll('.error')].map(e => e.textContent)
            }))()""";

    @TestHTTPResource("/")
    URL dashboard;

    @Test
    void anAnalystSeesEveryFigureOfTheLatestYearWithoutAConsoleError() throws Exception {
        // a region of its own: IndicatorCatalogueTest counts region 27 by hand
        new ReportingScenario(TestRegion.DASHBOARD_BROWSER.code).publish();
        String token = TestTokens.analyst();
        String year = given().auth().oauth2(token).get("/api/v1/indicators/latest-period").then().statusCode(200)
                .extract().jsonPath().getString("year");
        assertThat(year).isNotNull();
        JsonPath indicators = given().auth().oauth2(token).queryParam("period", year).get("/api/v1/indicators").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> expected = indicators.getList("indicators");
        int regions = given().auth().oauth2(token).queryParam("period", year)
                .get("/api/v1/indicators/cep-beneficiaries/regions").then().statusCode(200).extract().jsonPath()
                .getList("regions").size();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.navigate(dashboard.toString());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> browser.evaluate("document.readyState === 'complete' && !!window.Api").asBoolean());
            browser.evaluate("sessionStorage.setItem('cepcpf.reporting.token', '" + token + "'); true");
            browser.reload();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> browser.evaluate(READY).asBoolean());
            JsonNode shown = browser.evaluate(SHOWN);

            assertThat(shown.path("kind").asText()).isEqualTo("year");
            assertThat(shown.path("year").asText()).isEqualTo(year);
            List<String> ids = new ArrayList<>();
            shown.path("cards").forEach(card -> ids.add(card.path("id").asText()));
            assertThat(ids).isEqualTo(expected.stream().map(i -> (String) i.get("id")).toList());
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> indicator = expected.get(i);
                JsonNode card = shown.path("cards").get(i);
                String id = (String) indicator.get("id");
                assertThat(card.path("fraction").asText()).as(id).contains("/");
                assertThat(card.path("bars").asInt()).as(id + " breakdown")
                        .isEqualTo(((List<?>) indicator.get("breakdown")).size());
                Object value = indicator.get("value");
                String text = card.path("value").asText();
                if (value == null) {
                    assertThat(text).as(id).isEqualTo("non disponible");
                } else {
                    BigDecimal displayed = new BigDecimal(text.replaceAll("[^0-9,-]", "").replace(',', '.'));
                    assertThat(displayed).as(id + " shown as " + text).isEqualByComparingTo(
                            new BigDecimal(String.valueOf(value)).setScale(displayed.scale(), RoundingMode.HALF_UP));
                }
            }
            assertThat(shown.path("regionsShown").asBoolean()).isTrue();
            assertThat(shown.path("regionRows").asInt()).as("the nation and each region").isEqualTo(regions + 1);
            assertThat(shown.path("regionBars").asInt()).isEqualTo(regions);
            assertThat(shown.path("seriesRows").asInt()).as("a point per month of the year").isEqualTo(12);
            assertThat(shown.path("cnefopRows").asInt()).isPositive();
            assertThat(shown.path("activityTables").asInt()).isPositive();
            List<String> timings = new ArrayList<>();
            shown.path("timings").forEach(t -> timings.add(t.asText()));
            assertThat(timings).as("catalogue, series, regions, survey, activity report").hasSizeGreaterThanOrEqualTo(5)
                    .allMatch(t -> t.matches("Réponse en [0-9\u202f,]+\u202f(ms|s)"));
            assertThat(shown.path("errors")).as("errors shown on the page").isEmpty();
            assertThat(browser.problems()).as("console errors, uncaught exceptions, failed loads").isEmpty();

            // the check hears the page: an error logged and one thrown on purpose are both reported
            browser.evaluate("console.error('contrôle de la vérification'); "
                    + "setTimeout(() => { throw new Error('exception de contrôle'); }); true");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.problems().size() == 2);
            assertThat(browser.problems()).anyMatch(p -> p.contains("contrôle de la vérification"))
                    .anyMatch(p -> p.contains("exception de contrôle"));
        }
    }
}
