package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token may say which counsellor it belongs to (claim {@code counsellor_id}): an act sent without
 * {@code counsellorId} is credited to that counsellor, one that names a counsellor to the one named; without the claim,
 * an accompaniment's act goes to its referent and a level-1 contact to nobody, as before.
 */
@QuarkusTest
class CounsellorClaimTest {

    private static final String INTERVIEW = "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\"%s}";
    private static final String CONTACT = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\","
            + "\"request\":\"CPF_INFORMATION\",\"liaisonSheetIssued\":false%s}";

    @Test
    void anInterviewIsCreditedToTheNamedCounsellorElseTheTokensElseTheReferent() {
        CepFixtures fixtures = new CepFixtures();
        UUID tokenCounsellor = UUID.randomUUID();
        UUID named = UUID.randomUUID();
        CepFixtures.counsellorOf(fixtures.structure, tokenCounsellor);
        CepFixtures.counsellorOf(fixtures.structure, named);
        String interviews = "/api/v1/cep/accompaniments/" + fixtures.accompaniment() + "/interviews";
        String withClaim = TestTokens.counsellor(fixtures.structure, tokenCounsellor);

        given().auth().oauth2(withClaim).contentType(ContentType.JSON).body(INTERVIEW.formatted(""))
                .post(interviews).then().statusCode(201).body("counsellorId", equalTo(tokenCounsellor.toString()));
        given().auth().oauth2(withClaim).contentType(ContentType.JSON)
                .body(INTERVIEW.formatted(",\"counsellorId\":\"" + named + "\"")).post(interviews)
                .then().statusCode(201).body("counsellorId", equalTo(named.toString()));
        fixtures.asCounsellor().body(INTERVIEW.formatted("")).post(interviews)
                .then().statusCode(201).body("counsellorId", equalTo(fixtures.counsellor.toString()));
    }

    @Test
    void aLevel1ContactIsCreditedToTheTokensCounsellorElseToNobody() {
        CepFixtures fixtures = new CepFixtures();
        given().auth().oauth2(TestTokens.counsellor(fixtures.structure, fixtures.counsellor))
                .contentType(ContentType.JSON).body(CONTACT.formatted("")).post("/api/v1/cep/level1-contacts")
                .then().statusCode(201).body("counsellorId", equalTo(fixtures.counsellor.toString()));
        fixtures.asCounsellor().body(CONTACT.formatted("")).post("/api/v1/cep/level1-contacts")
                .then().statusCode(201).body("counsellorId", nullValue());
    }

    /**
     * The claim is checked like a named counsellor: one the structure does not know is refused, nothing recorded. The
     * counsellor is another structure's, refused at once: an id nobody announced gets the same answer only once the
     * wait for its announcement is over (10 s here), a rule the platform's {@code DirectoryReferencesTest} proves
     * without waiting (as {@link DirectoryReferenceTest} does for a named counsellor).
     */
    @Test
    void aTokenNamingAnUnknownCounsellorIsRefused() {
        CepFixtures fixtures = new CepFixtures();
        CepFixtures elsewhere = new CepFixtures();
        given().auth().oauth2(TestTokens.counsellor(fixtures.structure, elsewhere.counsellor))
                .contentType(ContentType.JSON).body(CONTACT.formatted("")).post("/api/v1/cep/level1-contacts")
                .then().statusCode(404)
                .contentType("application/problem+json").body("violations[0].field", equalTo("counsellorId"));
        fixtures.asCounsellor().get("/api/v1/cep/level1-contacts").then().statusCode(200).body("total", equalTo(0));
    }
}
