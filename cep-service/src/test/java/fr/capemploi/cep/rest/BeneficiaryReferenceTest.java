package fr.capemploi.cep.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fr.capemploi.platform.directory.DirectoryReferences;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.events.Topics;
import fr.capemploi.cep.rest.client.StubBeneficiaryRegistry;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestEvents;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The local copy of the registry, fed by beneficiary.events, and how requests rely on it. */
@QuarkusTest
class BeneficiaryReferenceTest {

    @Inject
    DirectoryReferences references;

    private final CepFixtures fixtures = new CepFixtures();

    @Test
    void aRecordSentRightAfterThePersonWasCreatedWaitsForTheRegistration() throws Exception {
        UUID beneficiary = UUID.randomUUID();
        int waitingBefore = references.waiting();
        CompletableFuture<Response> posted = CompletableFuture.supplyAsync(() -> fixtures.asCounsellor()
                .body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosedOn\":\"2016-02-22\","
                        + "\"workAxis\":\"PROJECT_ELABORATION\",\"barriers\":[]}")
                .post("/api/v1/cep/diagnostics"));
        // the request is in, waiting for a person the service has not heard of yet
        Awaitility.await().atMost(Duration.ofSeconds(4)).until(() -> references.waiting() > waitingBefore);

        TestEvents.publish(CepFixtures.registration(beneficiary, fixtures.structure, fixtures.counsellor),
                Instant.parse("2016-02-15T09:00:00Z"));

        Response response = posted.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.jsonPath().getString("beneficiaryId")).isEqualTo(beneficiary.toString());
    }

    /**
     * Refused like an id nobody announced, which is refused once the wait is over: that rule is proven once, without
     * waiting, by the platform's DirectoryReferencesTest; here, that the level-1 contact names the field.
     */
    @Test
    void aBeneficiaryUnknownInTheStructureIsRefusedNamingTheField() {
        UUID unknown = new CepFixtures().registeredBeneficiary();
        fixtures.asCounsellor().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                + "\"beneficiaryId\":\"" + unknown + "\",\"liaisonSheetIssued\":false}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(404).contentType("application/problem+json")
                .body("violations.field", hasItem("beneficiaryId"));
        fixtures.assertNothingListedFor(unknown, "/api/v1/cep/level1-contacts");
    }

    @Test
    void aBeneficiaryOfAnotherStructureDoesNotExistForTheCounsellor() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        CepFixtures elsewhere = new CepFixtures();
        elsewhere.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosedOn\":\"2016-02-22\","
                + "\"workAxis\":\"TRAINING_PROJECT\",\"barriers\":[]}").post("/api/v1/cep/diagnostics")
                .then().statusCode(404).contentType("application/problem+json")
                .body("violations.field", hasItem("beneficiaryId"));
        elsewhere.asCounsellor().body("{\"contactDate\":\"2016-03-14\",\"channel\":\"ON_SITE\","
                + "\"request\":\"JOB_INFORMATION\",\"beneficiaryId\":\"" + beneficiary + "\",\"liaisonSheetIssued\":false}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(404).body("violations.field", hasItem("beneficiaryId"));
    }

    @Test
    void nothingNewIsRecordedAboutAnErasedPerson() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        TestEvents.publish(new BeneficiaryErased(beneficiary, fixtures.structure, LocalDate.of(2019, 6, 3)),
                Instant.parse("2019-06-03T08:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> fixtures.asCounsellor()
                .body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosedOn\":\"2016-02-22\","
                        + "\"workAxis\":\"TRAINING_PROJECT\",\"barriers\":[]}").post("/api/v1/cep/diagnostics")
                .then().statusCode(410).body("type", endsWith("/beneficiary-erased")));
    }

    @Test
    void theStructureIsNamedOnDocumentsAsTheRegistryNamesItNow() {
        TestEvents.publish(new StructureRegistered(fixtures.structure, "033", "Cap emploi Gironde", "75", "33",
                LocalDate.of(2016, 1, 4)), Instant.parse("2016-01-04T09:00:00Z"));
        // documents name the structure as the registry does at the time of the request, whatever the events said
        StubBeneficiaryRegistry.structure(fixtures.structure, "Cap emploi Gironde — Bordeaux", "033");
        String contact = fixtures.routedContact();
        fixtures.asCounsellor().accept("application/json").get("/api/v1/cep/liaison-sheets/" + contact)
                .then().statusCode(200).body("structure.name", equalTo("Cap emploi Gironde — Bordeaux"))
                .body("structure.code", equalTo("033"));
    }

    @Test
    void unknownEventTypesOfTheRegistryAreIgnored() {
        UUID beneficiary = UUID.randomUUID();
        // same key as the registration that follows: same partition, so it is read first
        publishRaw("BeneficiaryMoodChanged", "Beneficiary", beneficiary, "2016-03-01", "{\"beneficiaryId\":\""
                + beneficiary + "\",\"counsellorId\":\"" + UUID.randomUUID() + "\"}");
        TestEvents.publish(CepFixtures.registration(beneficiary, fixtures.structure, fixtures.counsellor),
                Instant.parse("2016-02-15T09:00:00Z"));

        fixtures.diagnostic(beneficiary, "TRAINING_PROJECT");
        assertThat(TopicProbe.records(PlatformTestResource.topic(Topics.deadLetterOf(Topics.BENEFICIARY))))
                .noneMatch(record -> beneficiary.toString().equals(record.key()));
    }

    @Test
    void counsellorsAreNamedOnDocumentsAsTheRegistryNamesThemNow() {
        // not a contract of the events module yet: read field by field if the beneficiary service publishes it
        publishRaw("CounsellorRegistered", "Counsellor", fixtures.counsellor, "2016-01-04", "{\"counsellorId\":\""
                + fixtures.counsellor + "\",\"structureId\":\"" + fixtures.structure
                + "\",\"displayName\":\"Claire Dubois\"}");
        // renamed since: the document shows the registry's name of the moment, read at render time
        StubBeneficiaryRegistry.counsellor(fixtures.counsellor, "Claire Dubois-Martel");
        String contact = fixtures.routedContact();
        fixtures.asCounsellor().accept("application/json").get("/api/v1/cep/liaison-sheets/" + contact)
                .then().statusCode(200).body("counsellor.displayName", equalTo("Claire Dubois-Martel"));
    }

    @Test
    void aNewAccompanimentDefaultsToTheCurrentReferentOfTheRegistry() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        UUID newReferent = UUID.randomUUID();
        publishRaw("ReferentAssigned", "Beneficiary", beneficiary, "2016-02-20", "{\"beneficiaryId\":\"" + beneficiary
                + "\",\"structureId\":\"" + fixtures.structure + "\",\"counsellorId\":\"" + newReferent
                + "\",\"previousCounsellorId\":\"" + fixtures.counsellor + "\",\"assignedOn\":\"2016-02-20\"}");
        String diagnostic = fixtures.diagnostic(beneficiary, "TRAINING_PROJECT");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> referentOfANewAccompaniment(beneficiary,
                diagnostic).equals(newReferent.toString()));
    }

    /**
     * Publishes, keyed by its aggregate as the registry keys it, an envelope written by hand (a type or field the
     * events module does not know), occurred on {@code day} and recorded at 10:00 UTC that day.
     */
    private void publishRaw(String type, String aggregateType, UUID aggregateId, String day, String payload) {
        TestEvents.publishRaw(Topics.BENEFICIARY, aggregateId.toString(), ("{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"eventType\":\"" + type + "\",\"schemaVersion\":1,\"occurredAt\":\"" + day + "T00:00:00Z\","
                + "\"recordedAt\":\"" + day + "T10:00:00Z\",\"source\":\"beneficiary-service\",\"aggregateType\":\""
                + aggregateType + "\",\"aggregateId\":\"" + aggregateId + "\",\"structureId\":\"" + fixtures.structure
                + "\",\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** Opens and, if the referent is not the expected one yet, closes again so that the next try may open. */
    private String referentOfANewAccompaniment(UUID beneficiary, String diagnostic) {
        Response opened = fixtures.asCounsellor().body(CepFixtures.opening(beneficiary, diagnostic))
                .post("/api/v1/cep/accompaniments");
        assertThat(opened.statusCode()).isEqualTo(201);
        fixtures.asCounsellor().body("{\"closedOn\":\"2016-03-01\",\"outcome\":\"NONE_OR_ABANDON\"}")
                .post("/api/v1/cep/accompaniments/" + opened.jsonPath().getString("id") + "/close").then().statusCode(200);
        return opened.jsonPath().getString("referentCounsellorId");
    }
}
