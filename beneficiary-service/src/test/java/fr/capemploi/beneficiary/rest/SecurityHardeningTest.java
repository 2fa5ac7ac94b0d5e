package fr.capemploi.beneficiary.rest;

import static fr.capemploi.beneficiary.rest.Fixtures.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Audit findings on this service's surface: NUL characters in text, caching and sniffing of personal answers. */
@QuarkusTest
class SecurityHardeningTest {

    @Test
    void aNulCharacterInFreeTextIsABadRequestNamingTheField() {
        UUID structure = Fixtures.structure();
        Map<String, Object> person = Fixtures.person();
        person.put("lastName", "Du\u0000rand");
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).body(json(person))
                .post("/api/v1/beneficiaries").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("lastName"))
                .body("violations[0].message", containsString("NUL"));
        given().auth().oauth2(TestTokens.counsellor(structure)).queryParam("name", "a\u0000b")
                .get("/api/v1/beneficiaries").then().statusCode(400).body("violations[0].field", equalTo("name"));
        UUID id = Fixtures.beneficiary(structure);
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType("application/merge-patch+json")
                .header("If-Match", Fixtures.etag(id, structure)).body("{\"firstName\":\"Ma\\u0000rie\"}")
                .patch("/api/v1/beneficiaries/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("firstName"));
    }

    @Test
    void answersWithPersonalDataAreNeverCachedNorSniffed() {
        UUID structure = Fixtures.structure();
        UUID id = Fixtures.beneficiary(structure);
        given().auth().oauth2(TestTokens.counsellor(structure)).get("/api/v1/beneficiaries/" + id).then()
                .statusCode(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().auth().oauth2(TestTokens.counsellor(Fixtures.structure())).get("/api/v1/beneficiaries/" + id).then()
                .statusCode(404).header("Cache-Control", "no-store");
    }
}
