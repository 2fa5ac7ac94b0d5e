package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static fr.capemploi.testsupport.IdempotentRetry.anotherBodyRefused;
import static fr.capemploi.testsupport.IdempotentRetry.publishedOnce;
import static fr.capemploi.testsupport.IdempotentRetry.sentTwice;

import fr.capemploi.testsupport.IdempotentRetry.Sent;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Retries of CPF writes with an Idempotency-Key (a partner or loader resending after a time-out): the first answer
 * comes back, and the funding plan holds one request and one decision.
 */
@QuarkusTest
class IdempotentPostTest {

    @Inject
    DataSource dataSource;

    private final UUID structure = UUID.randomUUID();

    @Test
    void repeatedFundingRequestAndDecisionAreRecordedOnce() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID projectId = Fixtures.createProject(structure, beneficiary);
        String requestId = sentTwice(counsellor(), "POST", project(projectId) + "/funding-requests",
                "{\"funder\":\"AGEFIPH\",\"amount\":2000.00,\"requestedOn\":\"2016-05-23\"}", 201).path("request.id");
        sentTwice(counsellor(), "POST", project(projectId) + "/funding-requests/" + requestId + "/decision",
                "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-06-06\"}", 200);
        publishedOnce(dataSource, "FundingRequested", projectId);
        publishedOnce(dataSource, "FundingDecided", projectId);
    }

    @Test
    void repeatedConsentIsRecordedOnceAndAnotherBodyIsRefused() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String consents = Fixtures.account(beneficiary) + "/consents";
        Sent sent = sentTwice(counsellor(), "POST", consents,
                "{\"givenOn\":\"2016-04-04\",\"modality\":\"SIGNED_STANDARD_LETTER\"}", 201);
        anotherBodyRefused(sent.key(), counsellor(), "POST", consents,
                "{\"givenOn\":\"2016-04-05\",\"modality\":\"SIGNED_STANDARD_LETTER\"}");
        publishedOnce(dataSource, "CpfConsentGiven", beneficiary);
    }

    private Supplier<RequestSpecification> counsellor() {
        return () -> as(TestTokens.counsellor(structure));
    }
}
