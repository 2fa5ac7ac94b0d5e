package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CpfAccountResourceTest {

    private final UUID structure = UUID.randomUUID();

    @Test
    void presentingTheCpfIsRecordedOnceAndPublished() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String path = account(beneficiary) + "/presentation";
        as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-05-02\"}").put(path)
                .then().statusCode(200).body("presentedOn", equalTo("2016-05-02"));
        // a later presentation keeps the first date and publishes nothing new
        as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-06-01\"}").put(path)
                .then().statusCode(200).body("presentedOn", equalTo("2016-05-02"));

        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).get(account(beneficiary))
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.manager(structure)).get(account(beneficiary))
                .then().statusCode(200).body("structureId", equalTo(structure.toString()));

        List<EventEnvelope> events = Fixtures.awaitEvents(beneficiary, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventType()).isEqualTo("CpfPresented");
        assertThat(events.get(0).payload().get("presentedOn").asText()).isEqualTo("2016-05-02");
    }

    @Test
    void aKnownBeneficiaryWithoutStepsHasAnEmptyAccount() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        as(TestTokens.manager(structure)).get(account(beneficiary)).then().statusCode(200)
                .body("beneficiaryId", equalTo(beneficiary.toString()))
                .body("presentedOn", nullValue()).body("opening", nullValue()).body("consentInForce", equalTo(false))
                .body("consents", hasSize(0)).body("balance", nullValue());
    }

    @Test
    void aStepSentRightAfterTheRegistrationWaitsForItsEvent() throws Exception {
        UUID beneficiary = UUID.randomUUID();
        // the registration reaches the topic while the request is already waiting for it
        CompletableFuture<Void> registration = CompletableFuture.runAsync(() -> TestEvents.publish(
                Fixtures.registration(beneficiary, structure), Instant.now()),
                CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-05-02\"}")
                .put(account(beneficiary) + "/presentation")
                .then().statusCode(200).body("structureId", equalTo(structure.toString()));
        registration.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBeneficiaryStillUnknownAfterTheWaitIsRefusedNamingIt() {
        UUID unknown = UUID.randomUUID();
        as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-05-02\"}")
                .put(account(unknown) + "/presentation")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/unknown-reference"))
                .body("violations.field", contains("beneficiaryId"))
                .body("detail", containsString(unknown.toString()));
        given().auth().oauth2(TestTokens.counsellor(structure)).get(account(unknown)).then().statusCode(404);
    }

    @Test
    void anotherStructuresBeneficiaryIsAnsweredAsUnknown() {
        UUID elsewhere = Fixtures.knownBeneficiary(UUID.randomUUID());
        as(TestTokens.counsellor(structure)).body("{\"givenOn\":\"2016-05-17\",\"modality\":\"CPF_SYSTEM_SCREENSHOT\"}")
                .post(account(elsewhere) + "/consents")
                .then().statusCode(404).body("violations.field", contains("beneficiaryId"));
    }

    @Test
    void anErasedBeneficiaryGetsNoNewRecord() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        Fixtures.erase(beneficiary, structure);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-05-02\"}")
                        .put(account(beneficiary) + "/presentation").statusCode() == 410);
        as(TestTokens.counsellor(structure)).body("{\"presentedOn\":\"2016-05-02\"}")
                .put(account(beneficiary) + "/presentation")
                .then().statusCode(410).body("detail", containsString("erased"));
    }

    @Test
    void openingAssistedOrFoundOpenIsPublishedAsItsOwnFact() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String path = account(beneficiary) + "/opening-assistance";
        as(TestTokens.counsellor(structure)).body("{\"step\":\"ALREADY_OPEN\",\"on\":\"2016-05-02\"}").put(path)
                .then().statusCode(200).body("opening.step", equalTo("ALREADY_OPEN"));
        // the same step again changes nothing; the other step is a correction
        as(TestTokens.counsellor(structure)).body("{\"step\":\"ALREADY_OPEN\",\"on\":\"2016-05-09\"}").put(path)
                .then().statusCode(200).body("opening.on", equalTo("2016-05-02"));
        as(TestTokens.manager(structure)).body("{\"step\":\"ASSISTED\",\"on\":\"2016-05-10\"}").put(path)
                .then().statusCode(200).body("opening.step", equalTo("ASSISTED")).body("opening.on", equalTo("2016-05-10"));

        List<EventEnvelope> events = Fixtures.awaitEvents(beneficiary, 2);
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("CpfAccountAlreadyOpen", "CpfAccountOpeningAssisted");
        assertThat(events.get(0).payload().get("notedOn").asText()).isEqualTo("2016-05-02");
        assertThat(events.get(1).payload().get("assistedOn").asText()).isEqualTo("2016-05-10");
        assertThat(events.get(1).structureId()).isEqualTo(structure);
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2016-05-09T22:00:00Z"));
    }

    @Test
    void consentIsGivenWithItsModalityWithdrawnAndGivenAgain() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID counsellor = Fixtures.announceCounsellor(structure);
        String consents = account(beneficiary) + "/consents";
        String consentId = as(TestTokens.counsellor(structure))
                .body("{\"givenOn\":\"2016-05-17\",\"modality\":\"INTERVIEW_SYNTHESIS_GIVEN\",\"counsellorId\":\""
                        + counsellor + "\"}")
                .post(consents).then().statusCode(201).body("modality", equalTo("INTERVIEW_SYNTHESIS_GIVEN"))
                .body("withdrawnOn", nullValue()).extract().path("id");
        as(TestTokens.counsellor(structure)).body("{\"givenOn\":\"2016-05-18\",\"modality\":\"SIGNED_STANDARD_LETTER\"}")
                .post(consents).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already in force"));
        as(TestTokens.counsellor(structure)).body("{\"withdrawnOn\":\"2016-05-16\"}").post(consents + "/withdrawal")
                .then().statusCode(400).body("violations.field", contains("withdrawnOn"));
        as(TestTokens.counsellor(structure)).body("{\"withdrawnOn\":\"2016-09-01\"}").post(consents + "/withdrawal")
                .then().statusCode(200).body("id", equalTo(consentId)).body("withdrawnOn", equalTo("2016-09-01"));
        as(TestTokens.counsellor(structure)).body("{\"withdrawnOn\":\"2016-09-02\"}").post(consents + "/withdrawal")
                .then().statusCode(409);
        as(TestTokens.manager(structure)).body("{\"givenOn\":\"2017-01-10\",\"modality\":\"AIF_REQUEST_SIGNATURE\"}")
                .post(consents).then().statusCode(201);
        as(TestTokens.manager(structure)).get(account(beneficiary)).then().statusCode(200)
                .body("consentInForce", equalTo(true)).body("consents", hasSize(2))
                .body("consents.modality", contains("INTERVIEW_SYNTHESIS_GIVEN", "AIF_REQUEST_SIGNATURE"));

        List<EventEnvelope> events = Fixtures.awaitEvents(beneficiary, 3);
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("CpfConsentGiven", "CpfConsentWithdrawn", "CpfConsentGiven");
        EventEnvelope given = events.get(0);
        assertThat(given.payload().get("consentId").asText()).isEqualTo(consentId);
        assertThat(given.payload().get("modality").asText()).isEqualTo("INTERVIEW_SYNTHESIS_GIVEN");
        assertThat(given.payload().get("givenOn").asText()).isEqualTo("2016-05-17");
        assertThat(given.payload().get("counsellorId").asText()).isEqualTo(counsellor.toString());
        assertThat(events.get(1).payload().get("consentId").asText()).isEqualTo(consentId);
        assertThat(events.get(1).payload().get("withdrawnOn").asText()).isEqualTo("2016-09-01");
        assertThat(events.get(2).payload().get("modality").asText()).isEqualTo("AIF_REQUEST_SIGNATURE");
    }

    @Test
    void balancesAreHoursBefore2019AndEurosSinceAndTheLatestReadingIsTheBalance() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String path = account(beneficiary) + "/balance";
        as(TestTokens.counsellor(structure)).body("{\"unit\":\"EUROS\",\"amount\":100,\"asOf\":\"2018-12-31\"}").put(path)
                .then().statusCode(400).body("violations.field", contains("unit"));
        as(TestTokens.counsellor(structure)).body("{\"unit\":\"HOURS\",\"amount\":24,\"asOf\":\"2019-01-01\"}").put(path)
                .then().statusCode(400).body("violations.field", contains("unit"));
        as(TestTokens.counsellor(structure)).body("{\"unit\":\"EUROS\",\"amount\":1440.00,\"asOf\":\"2019-05-02\"}")
                .put(path).then().statusCode(200).body("balance.unit", equalTo("EUROS"))
                .body("balance.amount", equalTo(new BigDecimal("1440.00")));
        as(TestTokens.counsellor(structure)).body("{\"unit\":\"HOURS\",\"amount\":24,\"asOf\":\"2016-05-02\"}").put(path)
                .then().statusCode(200).body("balance.unit", equalTo("EUROS")).body("balance.asOf", equalTo("2019-05-02"));
        // the same reading again records nothing
        as(TestTokens.counsellor(structure)).body("{\"unit\":\"EUROS\",\"amount\":1440,\"asOf\":\"2019-05-02\"}")
                .put(path).then().statusCode(200);

        List<EventEnvelope> events = Fixtures.awaitEvents(beneficiary, 2);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("CpfBalanceRecorded", "CpfBalanceRecorded");
        assertThat(events.get(0).payload().get("unit").asText()).isEqualTo("EUROS");
        assertThat(events.get(0).payload().get("amount").isTextual()).isTrue();
        assertThat(events.get(0).payload().get("amount").asText()).isEqualTo("1440.00");
        assertThat(events.get(0).payload().get("asOf").asText()).isEqualTo("2019-05-02");
        assertThat(events.get(1).payload().get("unit").asText()).isEqualTo("HOURS");
        assertThat(events.get(1).payload().get("amount").asText()).isEqualTo("24.00");
    }

    @Test
    void badPresentationsAreRefusedNamingTheField() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        String path = account(beneficiary) + "/presentation";
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{\"presentedOn\":\"tomorrow\"}").put(path)
                .then().statusCode(400).body("violations.field", hasItem("presentedOn"));
        given().auth().oauth2(TestTokens.counsellor(structure)).contentType(ContentType.JSON)
                .body("{}").put(path)
                .then().statusCode(400).body("violations.field", hasItem("presentedOn"));
        as(TestTokens.counsellor(structure)).get(account(beneficiary)).then().body("presentedOn", nullValue());
    }
}
