package fr.capemploi.cep.rest;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: any counsellor id and any CPF training-project id were accepted. A counsellor must be one announced
 * by the beneficiary service for the caller's structure, a linked project one announced by the cpf service for the
 * same structure and person; otherwise 404 {@code unknown-reference} naming the field, as for beneficiaries.
 */
@QuarkusTest
class DirectoryReferenceTest {

    private final CepFixtures fixtures = new CepFixtures();

    private String contact(UUID counsellor) {
        return "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CEP_INFORMATION\","
                + "\"counsellorId\":\"" + counsellor + "\"}";
    }

    @Test
    void aCounsellorOfTheStructureIsAccepted() {
        fixtures.asCounsellor().body(contact(fixtures.counsellor)).post("/api/v1/cep/level1-contacts").then()
                .statusCode(201);
    }

    @Test
    void anotherStructuresCounsellorIsUnknown() {
        CepFixtures elsewhere = new CepFixtures();
        fixtures.asCounsellor().body(contact(elsewhere.counsellor)).post("/api/v1/cep/level1-contacts").then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/unknown-reference"))
                .body("violations[0].field", equalTo("counsellorId"));
        UUID beneficiary = fixtures.registeredBeneficiary();
        fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosedOn\":\"2016-02-22\","
                + "\"workAxis\":\"JOB_SEARCH\",\"barriers\":[],\"counsellorId\":\"" + elsewhere.counsellor + "\"}")
                .post("/api/v1/cep/diagnostics").then().statusCode(404)
                .body("violations[0].field", equalTo("counsellorId"));
        String accompaniment = fixtures.accompaniment();
        fixtures.asCounsellor().body("{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\","
                + "\"counsellorId\":\"" + elsewhere.counsellor + "\"}")
                .post("/api/v1/cep/accompaniments/" + accompaniment + "/interviews").then().statusCode(404)
                .body("violations[0].field", equalTo("counsellorId"));
    }

    /**
     * An id nobody announced is refused once the service has waited for its announcement (the arrival timeout, 10 s in
     * tests): a counsellor and a training project, asked at the same time so that the two waits overlap.
     */
    @Test
    void aCounsellorOrAProjectNobodyAnnouncedIsUnknown() {
        String accompaniment = fixtures.accompaniment();
        CompletableFuture<ValidatableResponse> counsellor = async(() -> fixtures.asCounsellor()
                .body(contact(UUID.randomUUID())).post("/api/v1/cep/level1-contacts").then());
        CompletableFuture<ValidatableResponse> project = async(() -> fixtures.asCounsellor()
                .body(training(UUID.randomUUID())).post(CepFixtures.actions(accompaniment)).then());

        counsellor.join().statusCode(404).contentType("application/problem+json")
                .body("violations[0].field", equalTo("counsellorId"));
        project.join().statusCode(404).contentType("application/problem+json")
                .body("violations[0].field", equalTo("cpfTrainingProjectId"));
    }

    @Test
    void aTrainingActionLinksOnlyAProjectOfTheSamePerson() {
        String accompaniment = fixtures.accompaniment();
        String other = fixtures.accompaniment();
        UUID ofAnotherPerson = fixtures.trainingProject(other);
        String actions = CepFixtures.actions(accompaniment);
        fixtures.asCounsellor().body(training(ofAnotherPerson)).post(actions).then().statusCode(404)
                .body("violations[0].field", equalTo("cpfTrainingProjectId"));
        fixtures.asCounsellor().body(training(fixtures.trainingProject(accompaniment))).post(actions).then()
                .statusCode(201);
    }

    @Test
    void anotherStructuresProjectIsUnknown() {
        CepFixtures elsewhere = new CepFixtures();
        UUID foreign = elsewhere.trainingProject(elsewhere.accompaniment());
        String accompaniment = fixtures.accompaniment();
        fixtures.asCounsellor().body(training(foreign)).post(CepFixtures.actions(accompaniment)).then().statusCode(404)
                .body("violations[0].field", equalTo("cpfTrainingProjectId"));
    }

    /** Runs a request on another thread, with this test's class loader (the application's) as its context one. */
    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> request) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return CompletableFuture.supplyAsync(() -> {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return request.get();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        });
    }

    private static String training(UUID project) {
        return "{\"kind\":\"TRAINING\",\"label\":\"Titre professionnel\",\"plannedOn\":\"2016-04-11\","
                + "\"cpfTrainingProjectId\":\"" + project + "\"}";
    }
}
