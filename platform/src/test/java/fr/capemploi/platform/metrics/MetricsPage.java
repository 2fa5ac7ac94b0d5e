package fr.capemploi.platform.metrics;

import static io.restassured.RestAssured.given;

/** The Prometheus page, wherever the service serves it. */
final class MetricsPage {

    private MetricsPage() {
    }

    static String read() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
