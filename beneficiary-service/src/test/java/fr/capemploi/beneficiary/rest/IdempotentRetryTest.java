package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import fr.capemploi.testsupport.OutboxRows;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Retries with an Idempotency-Key of the registry's other writes (the person's registration and consents have their
 * own tests): a structure registered once, an exit recorded once, a consent withdrawn once.
 */
@QuarkusTest
class IdempotentRetryTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    DataSource dataSource;

    /**
     * Audit finding: two counsellors of two structures whose tokens share upn and subject send the same key and body.
     * The second must register its own person, never receive the first structure's person (names, birth date, NIR).
     */
    @Test
    void sameUpnInTwoStructuresNeverSharesAnAnswer() {
        UUID a = Fixtures.structure();
        UUID b = Fixtures.structure();
        java.time.Instant now = java.time.Instant.now();
        String inA = TestTokens.custom("counsellor@suite.local", "counsellor@suite.local", a, now, now.plusSeconds(600),
                "counsellor");
        String inB = TestTokens.custom("counsellor@suite.local", "counsellor@suite.local", b, now, now.plusSeconds(600),
                "counsellor");
        String body = Fixtures.json(Fixtures.person());
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(inA).contentType(ContentType.JSON).header(KEY, key).body(body)
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        given().auth().oauth2(inB).contentType(ContentType.JSON).header(KEY, key).body(body)
                .post("/api/v1/beneficiaries").then().statusCode(201).header(REPLAYED, (String) null)
                .body("structureId", equalTo(b.toString()))
                .body("id", org.hamcrest.Matchers.not(equalTo(first)));
        // and the platform-kept answers (consent withdrawal) are as separate
        UUID inAStructure = Fixtures.beneficiary(a);
        UUID consent = Fixtures.consent(inAStructure, a, "DATA_SHARING_WITH_PARTNERS");
        String withdrawal = "{\"withdrawnOn\":\"2016-06-01\",\"modality\":\"SIGNED_FORM\"}";
        String path = "/api/v1/beneficiaries/" + inAStructure + "/consents/" + consent + "/withdrawal";
        String key2 = UUID.randomUUID().toString();
        given().auth().oauth2(inA).contentType(ContentType.JSON).header(KEY, key2).body(withdrawal).post(path)
                .then().statusCode(200);
        given().auth().oauth2(inB).contentType(ContentType.JSON).header(KEY, key2).body(withdrawal).post(path)
                .then().statusCode(404);
    }

    @Test
    void repeatedStructureRegistrationRegistersOnce() {
        String code = "I" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        String body = "{\"code\":\"" + code + "\",\"name\":\"Cap emploi " + code + "\",\"region\":\"53\","
                + "\"department\":\"35\",\"registeredOn\":\"2015-01-05\"}";
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header(KEY, key).body(body)
                .post("/api/v1/structures").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header(KEY, key).body(body)
                .post("/api/v1/structures").then().statusCode(201).header(REPLAYED, "true").body("id", equalTo(id));
        assertThat(OutboxRows.count(dataSource, "StructureRegistered", id)).isEqualTo(1);
    }

    @Test
    void repeatedExitIsRecordedOnceAndAnsweredAgain() {
        UUID structure = Fixtures.structure();
        UUID beneficiary = Fixtures.beneficiary(structure);
        String key = UUID.randomUUID().toString();
        String exit = "{\"exitDate\":\"2017-01-31\",\"reason\":\"SUSTAINABLE_JOB\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).header(KEY, key)
                    .body(exit).post("/api/v1/beneficiaries/" + beneficiary + "/exit").then().statusCode(200)
                    .header(REPLAYED, attempt == 0 ? null : "true").body("exitDate", equalTo("2017-01-31"));
        }
        // without the key, a second exit is still the conflict it always was
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).body(exit)
                .post("/api/v1/beneficiaries/" + beneficiary + "/exit").then().statusCode(409);
        assertThat(OutboxRows.count(dataSource, "BeneficiaryExited", beneficiary.toString())).isEqualTo(1);
    }

    @Test
    void repeatedConsentWithdrawalWithdrawsOnce() {
        UUID structure = Fixtures.structure();
        UUID beneficiary = Fixtures.beneficiary(structure);
        UUID consent = Fixtures.consent(beneficiary, structure, "DATA_SHARING_WITH_PARTNERS");
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON).header(KEY, key)
                    .body("{\"withdrawnOn\":\"2016-06-01\",\"modality\":\"SIGNED_FORM\"}")
                    .post("/api/v1/beneficiaries/" + beneficiary + "/consents/" + consent + "/withdrawal")
                    .then().statusCode(200).body("inForce", equalTo(false));
        }
        assertThat(OutboxRows.count(dataSource, "ConsentWithdrawn", consent.toString())).isEqualTo(1);
    }
}
