package fr.capemploi.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

    private static final String VALID = "{\"name\":\"w\",\"count\":1,\"colour\":\"RED\"}";

    /** A widget posted by an administrator, refused as a bad request answered with a problem. */
    private static ValidatableResponse refused(String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/test/widgets")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** A valid widget posted with {@code token}. */
    /** Answered with the status, as a problem whose body repeats it. */
    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private static ValidatableResponse postedWith(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(VALID).post("/test/widgets").then();
    }

    @Test
    void aStatementStoppedAtItsTimeLimitIs503QueryTimeoutNotAnInternalError() {
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/slow")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(Problem.TYPE_BASE + "query-timeout"))
                .body("detail", containsString("narrower scope"));
    }

    @Test
    void malformedJsonIsAProblem() {
        refused("{\"name\": ")
                .body("status", equalTo(400)).body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        refused("{\"name\":\"w\",\"count\":\"many\",\"colour\":\"RED\"}")
                .body("violations.field", hasItem("count"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        refused("{\"name\":\"w\",\"count\":1,\"colour\":\"BLUE\"}")
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", containsString("RED, GREEN"));
    }

    @Test
    void missingFieldsAreEachNamed() {
        refused("{\"parts\":[{\"label\":\"\"}]}")
                .body("violations.field", hasItems("name", "count", "colour", "parts[0].label"));
    }

    /** Jackson stops at the first value it cannot bind: every other bad field must still be named in the answer. */
    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        refused("{\"count\":\"many\",\"colour\":\"BLUE\",\"day\":\"31/12/2016\",\"colr\":{\"a\":[1]},"
                + "\"parts\":[{\"label\":\"\",\"x\":1},{\"label\":{\"x\":1}}]}")
                .body("detail", equalTo("8 fields are invalid"))
                .body("violations.field", contains("colour", "colr", "count", "day", "name", "parts[0].label",
                        "parts[0].x", "parts[1].label"))
                .body("violations.find { it.field == 'colour' }.message", equalTo("must be one of RED, GREEN"))
                .body("violations.find { it.field == 'count' }.message", equalTo("must be a number, got \"many\""))
                .body("violations.find { it.field == 'day' }.message", startsWith("must be a date (YYYY-MM-DD)"))
                .body("violations.find { it.field == 'colr' }.message", equalTo("is not a known field"))
                .body("violations.find { it.field == 'parts[1].label' }.message", equalTo("must be a string"));
    }

    /** A value bound, then refused by validation, and another not bound at all: both in the same answer. */
    @Test
    void bindingAndValidationViolationsShareOneAnswer() {
        refused("{\"name\":\"w\",\"count\":-1,\"colour\":\"PURPLE\"}")
                .body("violations.field", contains("colour", "count"));
    }

    @Test
    void unknownFieldIsRejected() {
        refused("{\"name\":\"w\",\"count\":1,\"colour\":\"RED\",\"colr\":1}")
                .body("violations[0].field", equalTo("colr"));
    }

    @Test
    void badDateNamesTheField() {
        refused("{\"name\":\"w\",\"count\":1,\"colour\":\"RED\",\"day\":\"31/12/2016\"}")
                .body("violations[0].field", equalTo("day"));
    }

    @Test
    void emptyBodyIsAProblem() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .post("/test/widgets")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIs415() {
        problem(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.TEXT).body(VALID)
                .post("/test/widgets").then(), 415);
    }

    @Test
    void noTokenIs401WithBearerChallenge() {
        given().contentType(ContentType.JSON).body(VALID).post("/test/widgets")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void expiredTokenIs401() {
        postedWith(TestTokens.expired("admin", null)).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        postedWith(TestTokens.signedByAnotherKey("admin", null)).statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403() {
        problem(postedWith(TestTokens.analyst()), 403);
    }

    @Test
    void anotherStructureIs404AndOwnStructureIsServed() {
        UUID mine = UUID.randomUUID();
        given().auth().oauth2(TestTokens.counsellor(mine)).get("/test/widgets/mine/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.counsellor(mine)).get("/test/widgets/mine/" + mine)
                .then().statusCode(200).body("scope", equalTo(mine.toString()));
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/mine/" + mine)
                .then().statusCode(200).body("scope", equalTo("national"));
    }

    @Test
    void counsellorWithoutStructureClaimIs403() {
        given().auth().oauth2(TestTokens.forRole("counsellor", null)).get("/test/widgets/mine/" + UUID.randomUUID())
                .then().statusCode(403).body("detail", containsString("structure_id"));
    }

    @Test
    void missingResourceAndUnknownPathAre404() {
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/missing/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).get("/test/nothing-here")
                .then().statusCode(404);
    }

    @Test
    void conflictIs409() {
        problem(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(VALID)
                .post("/test/widgets/failing").then(), 409);
    }

    @Test
    void unexpectedErrorHidesItsInternals() {
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/boom")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", containsString("reference"))
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("fr.capemploi")))
                .body(not(containsString("at ")));
    }

    @Test
    void wrongPathParameterTypeIsNotFound() {
        given().auth().oauth2(TestTokens.admin()).get("/test/widgets/missing/not-a-uuid")
                .then().statusCode(404).body("violations", emptyOrNullString());
    }

    @Test
    void singleViolationIsSpelledOutInDetail() {
        refused("{\"name\":\"\",\"count\":1,\"colour\":\"RED\"}")
                .body("violations", hasSize(1)).body("detail", startsWith("name: "));
    }

    /** Audit finding: a NUL character in free text reached PostgreSQL and answered 500. */
    @Test
    void nulCharacterInTextIsABadRequestNamingTheField() {
        refused("{\"name\":\"w\\u0000x\",\"count\":1,\"colour\":\"RED\"}")
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("NUL"));
        refused("{\"name\":\"w\",\"count\":1,\"colour\":\"RED\",\"parts\":[{\"label\":\"a\\u0000\"}]}")
                .body("violations[0].field", equalTo("parts[0].label"));
    }

    /** Answers may hold personal data: never cached, never sniffed; errors too. */
    @Test
    void apiAnswersAreNotCachedNorSniffed() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/probe")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/probe").then().statusCode(401)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void oversizedBodyIsAProblem() {
        String big = "x".repeat(70_000);
        problem(given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + big + "\",\"count\":1,\"colour\":\"RED\"}").post("/test/widgets").then(), 413)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void overlongUriIsAProblem() {
        problem(given().auth().oauth2(TestTokens.admin()).get("/test/widgets/missing/" + "a".repeat(9000)).then(), 414);
    }
}
