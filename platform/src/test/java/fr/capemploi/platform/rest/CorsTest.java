package fr.capemploi.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The platform's CORS allow-list: CORS_ORIGINS names the browser origins let in; the platform tests configure one
 * (application.properties). That none is let in without it is proven on the packaged services as they ship, by the
 * system tests ({@code RunningSuiteSystemTest.AsShipped}).
 */
@QuarkusTest
class CorsTest {

    static final String FRONT_END = "https://parcours.capemploi-75.fr";

    @Test
    void aPreflightFromTheAllowedOriginGetsTheCorsHeaders() {
        given().header("Origin", FRONT_END).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/test/widgets")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().auth().oauth2(TestTokens.admin()).header("Origin", FRONT_END).get("/api/v1/probe")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsNone() {
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .options("/test/widgets")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
