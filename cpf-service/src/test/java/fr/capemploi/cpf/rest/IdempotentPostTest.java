package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import fr.capemploi.testsupport.OutboxRows;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Retries of CPF writes with an Idempotency-Key (a partner or loader resending after a time-out): the first answer
 * comes back, and the funding plan holds one request and one decision.
 */
@QuarkusTest
class IdempotentPostTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    DataSource dataSource;

    private final UUID structure = UUID.randomUUID();

    @Test
    void repeatedFundingRequestAndDecisionAreRecordedOnce() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID projectId = Fixtures.createProject(structure, beneficiary);
        String requestKey = UUID.randomUUID().toString();
        String request = "{\"funder\":\"AGEFIPH\",\"amount\":2000.00,\"requestedOn\":\"2016-05-23\"}";
        String requestId = as(TestTokens.counsellor(structure)).header(KEY, requestKey).body(request)
                .post(project(projectId) + "/funding-requests").then().statusCode(201).extract().path("request.id");
        as(TestTokens.counsellor(structure)).header(KEY, requestKey).body(request)
                .post(project(projectId) + "/funding-requests").then().statusCode(201).header(REPLAYED, "true")
                .body("request.id", equalTo(requestId));

        String decisionKey = UUID.randomUUID().toString();
        String decision = "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-06-06\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            as(TestTokens.counsellor(structure)).header(KEY, decisionKey).body(decision)
                    .post(project(projectId) + "/funding-requests/" + requestId + "/decision").then().statusCode(200);
        }
        assertThat(OutboxRows.count(dataSource, "FundingRequested", projectId)).isEqualTo(1);
        assertThat(OutboxRows.count(dataSource, "FundingDecided", projectId)).isEqualTo(1);
    }

    @Test
    void repeatedConsentIsRecordedOnceAndAnotherBodyIsRefused() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String key = UUID.randomUUID().toString();
        String consent = "{\"givenOn\":\"2016-04-04\",\"modality\":\"SIGNED_STANDARD_LETTER\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            as(TestTokens.counsellor(structure)).header(KEY, key).body(consent)
                    .post(Fixtures.account(beneficiary) + "/consents").then().statusCode(201);
        }
        as(TestTokens.counsellor(structure)).header(KEY, key)
                .body("{\"givenOn\":\"2016-04-05\",\"modality\":\"SIGNED_STANDARD_LETTER\"}")
                .post(Fixtures.account(beneficiary) + "/consents").then().statusCode(422);
        assertThat(OutboxRows.count(dataSource, "CpfConsentGiven", beneficiary)).isEqualTo(1);
    }
}
