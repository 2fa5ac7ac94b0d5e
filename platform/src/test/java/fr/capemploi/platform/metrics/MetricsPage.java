package fr.capemploi.platform.metrics;

import static io.restassured.RestAssured.given;

import java.net.URL;

/** The Prometheus page, on the management interface. */
public final class MetricsPage {

    private MetricsPage() {
    }

    public static String read(URL metrics) {
        return given().get(metrics).then().statusCode(200).extract().asString();
    }
}
