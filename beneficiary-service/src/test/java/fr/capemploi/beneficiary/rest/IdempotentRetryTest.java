package fr.capemploi.beneficiary.rest;

import static fr.capemploi.testsupport.IdempotentRetry.KEY;
import static fr.capemploi.testsupport.IdempotentRetry.REPLAYED;
import static fr.capemploi.testsupport.IdempotentRetry.publishedOnce;
import static fr.capemploi.testsupport.IdempotentRetry.sentTwice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Retries with an Idempotency-Key of the registry's other writes (the person's registration and consents have their
 * own tests): a structure registered once, an exit recorded once, a consent withdrawn once.
 */
@QuarkusTest
class IdempotentRetryTest {

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
        String id = sentTwice(as(TestTokens.admin()), "POST", "/api/v1/structures", body, 201).path("id");
        publishedOnce(dataSource, "StructureRegistered", id);
    }

    @Test
    void repeatedExitIsRecordedOnceAndAnsweredAgain() {
        UUID structure = Fixtures.structure();
        UUID beneficiary = Fixtures.beneficiary(structure);
        String exit = "{\"exitDate\":\"2017-01-31\",\"reason\":\"SUSTAINABLE_JOB\"}";
        String path = "/api/v1/beneficiaries/" + beneficiary + "/exit";
        assertThat(sentTwice(as(TestTokens.counsellor(structure)), "POST", path, exit, 200)
                .<String>path("exitDate")).isEqualTo("2017-01-31");
        // without the key, a second exit is still the conflict it always was
        as(TestTokens.counsellor(structure)).get().body(exit).post(path).then().statusCode(409);
        publishedOnce(dataSource, "BeneficiaryExited", beneficiary);
    }

    @Test
    void repeatedConsentWithdrawalWithdrawsOnce() {
        UUID structure = Fixtures.structure();
        UUID beneficiary = Fixtures.beneficiary(structure);
        UUID consent = Fixtures.consent(beneficiary, structure, "DATA_SHARING_WITH_PARTNERS");
        assertThat(sentTwice(as(TestTokens.counsellor(structure)), "POST",
                "/api/v1/beneficiaries/" + beneficiary + "/consents/" + consent + "/withdrawal",
                "{\"withdrawnOn\":\"2016-06-01\",\"modality\":\"SIGNED_FORM\"}", 200).<Boolean>path("inForce"))
                .isFalse();
        publishedOnce(dataSource, "ConsentWithdrawn", consent);
    }

    private static Supplier<RequestSpecification> as(String token) {
        return () -> given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
