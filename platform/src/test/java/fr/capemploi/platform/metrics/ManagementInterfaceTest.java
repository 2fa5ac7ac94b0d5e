package fr.capemploi.platform.metrics;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: health (naming the broker) and metrics answered anyone on the API port. They are on the management
 * interface now, metrics answer GET only, and the OpenAPI document stays on the API port.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPort() {
        given().get(live).then().statusCode(200);
        given().get(metrics).then().statusCode(200);
    }

    @Test
    void metricsAnswerGetOnly() {
        given().post(metrics).then().statusCode(405).header("Allow", "GET, HEAD");
        given().delete(metrics).then().statusCode(405);
        given().request("FOO", metrics).then().statusCode(405);
    }

    @Test
    void theOpenApiDocumentStaysOnTheApiPort() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }
}
