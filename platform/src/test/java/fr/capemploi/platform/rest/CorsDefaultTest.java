package fr.capemploi.platform.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without CORS_ORIGINS no browser origin is let in: no page of another site can read an answer. */
@QuarkusTest
class CorsDefaultTest {

    @Test
    void noOriginIsAllowedByDefault() {
        given().header("Origin", CorsTest.FRONT_END).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/probe")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(TestTokens.admin()).header("Origin", CorsTest.FRONT_END).get("/api/v1/probe")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
