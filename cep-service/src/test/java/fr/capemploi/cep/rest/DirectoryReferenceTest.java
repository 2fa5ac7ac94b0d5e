package fr.capemploi.cep.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Audit finding: any counsellor id and any CPF training-project id were accepted. A counsellor must be one announced
 * by the beneficiary service for the caller's structure, a linked project one announced by the cpf service for the
 * same structure and person; otherwise 404 {@code unknown-reference} naming the field, as for beneficiaries. An id
 * nobody announced gets that answer once the wait for its announcement is over (10 s here): that rule is proven once,
 * without waiting, by the platform's {@code DirectoryReferencesTest}; here, another structure's ids, refused at once.
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
     * A counsellor found in a structure is remembered there (no look-up transaction per write), for ten minutes in
     * these tests: the move below is seen because the directory's projection forgets the counsellor when it applies
     * the new announcement, not because the memory expired.
     */
    @Test
    void aCounsellorAnnouncedInAnotherStructureIsRefusedInTheFormerOneOnceApplied() {
        CepFixtures elsewhere = new CepFixtures();
        fixtures.asCounsellor().body(contact(fixtures.counsellor)).post("/api/v1/cep/level1-contacts").then()
                .statusCode(201);

        CepFixtures.counsellorOf(elsewhere.structure, fixtures.counsellor);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> fixtures.asCounsellor()
                .body(contact(fixtures.counsellor)).post("/api/v1/cep/level1-contacts").statusCode() == 404);
        fixtures.asCounsellor().body(contact(fixtures.counsellor)).post("/api/v1/cep/level1-contacts").then()
                .statusCode(404).contentType("application/problem+json")
                .body("violations[0].field", equalTo("counsellorId"));
        elsewhere.asCounsellor().body(contact(fixtures.counsellor)).post("/api/v1/cep/level1-contacts").then()
                .statusCode(201).body("structureId", equalTo(elsewhere.structure.toString()));
    }

    /** The same for a person registered again in another structure (a correction in the registry). */
    @Test
    void aBeneficiaryRegisteredAgainInAnotherStructureIsRefusedInTheFormerOneOnceApplied() {
        CepFixtures elsewhere = new CepFixtures();
        UUID beneficiary = fixtures.registeredBeneficiary();
        fixtures.asCounsellor().body(diagnostic(beneficiary)).post("/api/v1/cep/diagnostics").then().statusCode(201);

        TestEvents.publish(CepFixtures.registration(beneficiary, elsewhere.structure, elsewhere.counsellor),
                Instant.parse("2016-02-16T09:00:00Z"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> fixtures.asCounsellor()
                .body(diagnostic(beneficiary)).post("/api/v1/cep/diagnostics").statusCode() == 404);
        elsewhere.asCounsellor().body(diagnostic(beneficiary).replace(fixtures.counsellor.toString(),
                elsewhere.counsellor.toString())).post("/api/v1/cep/diagnostics").then().statusCode(201);
    }

    private String diagnostic(UUID beneficiary) {
        return "{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosedOn\":\"2016-02-22\","
                + "\"workAxis\":\"JOB_SEARCH\",\"barriers\":[],\"counsellorId\":\"" + fixtures.counsellor + "\"}";
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

    private static String training(UUID project) {
        return "{\"kind\":\"TRAINING\",\"label\":\"Titre professionnel\",\"plannedOn\":\"2016-04-11\","
                + "\"cpfTrainingProjectId\":\"" + project + "\"}";
    }
}
