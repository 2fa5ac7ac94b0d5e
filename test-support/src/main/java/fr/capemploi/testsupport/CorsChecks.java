package fr.capemploi.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The CORS allow-list as each service's tests configure it ({@code %test.quarkus.http.cors.origins}): a preflight from
 * that front end's origin is answered with the CORS headers, one from another origin is not.
 */
public final class CorsChecks {

    /** The origin the services' test profile allows. */
    public static final String FRONT_END = "https://parcours.test.capemploi.fr";

    private CorsChecks() {
    }

    public static void onlyTheConfiguredFrontEndIsLetIn(String method, String path) {
        given().header("Origin", FRONT_END).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Allow-Methods", containsString(method))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", method)
                .options(path)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
