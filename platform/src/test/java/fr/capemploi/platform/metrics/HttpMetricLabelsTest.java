package fr.capemploi.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: an unknown HTTP method, or a path matching no template, created a metrics series labelled with the
 * raw URI (ids included). Labels are now route templates, fixed values or "unmatched".
 */
@QuarkusTest
class HttpMetricLabelsTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    @Test
    void unmatchedRequestsNeverLabelARawUri() {
        UUID secret = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).request("FOO", "/test/widgets/missing/" + secret);
        given().auth().oauth2(TestTokens.admin()).delete("/test/widgets/missing/" + secret);
        given().auth().oauth2(TestTokens.admin()).get("/test/nothing-here/" + secret);
        given().get("/test/widgets/missing/" + secret);
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/missing/" + secret).then().statusCode(404);

        String page = MetricsPage.read(metrics);
        assertThat(page).doesNotContain(secret.toString()).doesNotContain("method=\"FOO\"");
        assertThat(page).contains("uri=\"/test/widgets/missing/{id}\"");
    }

    @Test
    void routeTemplatesAreKnown() {
        assertThat(HttpMetricLabels.join("/api/v1/beneficiaries", "/{id}/")).isEqualTo("/api/v1/beneficiaries/{id}");
        assertThat(HttpMetricLabels.join("api/v1/x", "")).isEqualTo("/api/v1/x");
    }
}
