package fr.capemploi.cep.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AccompanimentResourceTest {

    private static final String BASE = "/api/v1/cep/accompaniments/";

    private final CepFixtures fixtures = new CepFixtures();

    @Test
    void aWholeAccompanimentFromDiagnosticToDecisionIsRecordedAndPublished() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\","
                + "\"diagnosedOn\":\"2016-02-22\",\"workAxis\":\"TRAINING_PROJECT\",\"barriers\":[\"QUALIFICATION\","
                + "\"DIGITAL\"],\"counsellorId\":\"" + fixtures.counsellor + "\"}").post("/api/v1/cep/diagnostics")
                .then().statusCode(201)
                .body("serviceCorrespondence.cep", equalTo(true))
                .body("serviceCorrespondence.cepLevel", equalTo(3))
                .body("serviceCorrespondence.capEmploiService", equalTo("TRAINING_PROJECT"))
                .extract().path("id");

        String id = fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\""
                + diagnostic + "\",\"startDate\":\"2016-02-29\"}").post("/api/v1/cep/accompaniments")
                .then().statusCode(201)
                .body("level", equalTo(3))
                .body("status", equalTo("OPEN"))
                .body("referentCounsellorId", equalTo(fixtures.counsellor.toString()))
                .body("capEmploiService", equalTo("TRAINING_PROJECT"))
                .body("serviceCorrespondence.workAxis", equalTo("TRAINING_PROJECT"))
                .body("serviceCorrespondence.cepLevel", equalTo(3))
                .extract().path("id");

        fixtures.asCounsellor().body("{\"informedOn\":\"2016-02-29\"}").post(BASE + id + "/cep-information")
                .then().statusCode(200).body("cepInformation.informedOn", equalTo("2016-02-29"));
        fixtures.asCounsellor().body("{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\"}")
                .post(BASE + id + "/interviews").then().statusCode(201).body("cepLevel", equalTo(3));
        fixtures.asCounsellor().body("{\"level\":2,\"changedOn\":\"2016-03-10\"}").post(BASE + id + "/level")
                .then().statusCode(200).body("level", equalTo(2)).body("levelChanges", hasSize(1))
                .body("levelChanges[0].fromLevel", equalTo(3));
        fixtures.asCounsellor().body("{\"heldOn\":\"2016-03-21\",\"durationMinutes\":45,\"mode\":\"PHONE\"}")
                .post(BASE + id + "/interviews").then().statusCode(201).body("cepLevel", equalTo(2));

        String pmsmp = fixtures.pmsmp(id, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body("{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}")
                .patch(CepFixtures.actions(id) + "/" + pmsmp).then().statusCode(200)
                .body("status", equalTo("DONE")).body("statusOn", equalTo("2016-04-08"));
        fixtures.asCounsellor().body("{\"kind\":\"ALTERNANCE\",\"plannedOn\":\"2016-04-11\",\"startDate\":\"2016-09-01\","
                + "\"alternanceContract\":\"PROFESSIONALISATION\"}").post(CepFixtures.actions(id)).then().statusCode(201)
                .body("alternanceContract", equalTo("PROFESSIONALISATION")).body("status", equalTo("PLANNED"));
        UUID trainingProject = fixtures.trainingProject(id);
        String training = fixtures.asCounsellor().body("{\"kind\":\"TRAINING\",\"label\":\"Titre professionnel\","
                + "\"plannedOn\":\"2016-04-11\",\"cpfTrainingProjectId\":\"" + trainingProject + "\"}")
                .post(CepFixtures.actions(id)).then().statusCode(201).extract().path("id");
        fixtures.asCounsellor().body("{\"status\":\"CANCELLED\",\"effectiveOn\":\"2016-04-20\"}")
                .patch(CepFixtures.actions(id) + "/" + training).then().statusCode(200).body("status", equalTo("CANCELLED"));
        fixtures.asCounsellor().get(CepFixtures.actions(id) + "/" + training).then().statusCode(200)
                .body("cpfTrainingProjectId", equalTo(trainingProject.toString()));
        fixtures.asCounsellor().get(CepFixtures.actions(id)).then().statusCode(200).body("kind",
                equalTo(List.of("PMSMP", "ALTERNANCE", "TRAINING")));
        fixtures.asCounsellor().get(BASE + id + "/interviews").then().statusCode(200).body("durationMinutes",
                equalTo(List.of(60, 45)));

        fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir préparateur de commandes\","
                + "\"strategy\":\"Valider le projet par une PMSMP\"}").post(BASE + id + "/synthesis")
                .then().statusCode(200).body("synthesis.revision", equalTo(1))
                .body("synthesis.document", equalTo(BASE + id + "/synthesis-document"));
        fixtures.asCounsellor().body("{\"closedOn\":\"2016-06-20\",\"outcome\":\"START_TRAINING\"}")
                .post(BASE + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closure.outcome", equalTo("START_TRAINING"))
                .body("closure.decisionTaken", equalTo(true));

        fixtures.asCounsellor().get(BASE + id).then().statusCode(200)
                .body("interviews", hasSize(2)).body("actions", hasSize(3)).body("closure.closedOn", equalTo("2016-06-20"));
        fixtures.asCounsellor().queryParam("beneficiaryId", beneficiary.toString()).get("/api/v1/cep/accompaniments")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("CLOSED"));
        // the filters given are all applied: the person's closed accompaniment is not among the open ones
        fixtures.asCounsellor().queryParam("beneficiaryId", beneficiary.toString()).queryParam("open", false)
                .get("/api/v1/cep/accompaniments").then().statusCode(200).body("total", equalTo(1));
        fixtures.asCounsellor().queryParam("beneficiaryId", beneficiary.toString()).queryParam("open", true)
                .get("/api/v1/cep/accompaniments").then().statusCode(200).body("total", equalTo(0));

        TopicProbe.awaitEvents(cepTopic(), e -> e.aggregateId().toString().equals(id)
                && e.eventType().equals("AccompanimentClosed"));
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.records(cepTopic()).stream()
                .filter(r -> r.key().equals(beneficiary.toString())).toList();
        List<EventEnvelope> events = records.stream().map(r -> EventCodec.fromBytes(r.value())).toList();
        // one person's events share the key, so they keep their order on one partition
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("DiagnosticRecorded",
                "AccompanimentOpened", "CepInformationGiven", "InterviewHeld", "AccompanimentLevelChanged",
                "InterviewHeld", "ActionPlanned", "ActionCompleted", "ActionPlanned", "ActionPlanned", "ActionCancelled",
                "SynthesisIssued", "AccompanimentClosed");
        assertThat(events).allSatisfy(e -> assertThat(e.structureId()).isEqualTo(fixtures.structure));
        assertThat(records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                .as("no free text leaves the service").noneMatch(json -> json.contains("préparateur")
                        || json.contains("Logistique") || json.contains("Valider"));

        Map<String, List<JsonNode>> byType = events.stream().collect(Collectors.groupingBy(EventEnvelope::eventType,
                Collectors.mapping(EventEnvelope::payload, Collectors.toList())));
        JsonNode diagnosed = byType.get("DiagnosticRecorded").get(0);
        assertThat(diagnosed.get("workAxis").asText()).isEqualTo("TRAINING_PROJECT");
        assertThat(diagnosed.get("barriers").toString()).isEqualTo("[\"QUALIFICATION\",\"DIGITAL\"]");
        assertThat(diagnosed.get("cep").asBoolean()).isTrue();
        assertThat(diagnosed.get("cepLevel").asInt()).isEqualTo(3);
        JsonNode opened = byType.get("AccompanimentOpened").get(0);
        assertThat(opened.get("level").asInt()).isEqualTo(3);
        assertThat(opened.get("capEmploiService").asText()).isEqualTo("TRAINING_PROJECT");
        assertThat(opened.get("startDate").asText()).isEqualTo("2016-02-29");
        assertThat(opened.get("referentCounsellorId").asText()).isEqualTo(fixtures.counsellor.toString());
        assertThat(opened.get("diagnosticId").asText()).isEqualTo(diagnostic);
        JsonNode changed = byType.get("AccompanimentLevelChanged").get(0);
        assertThat(changed.get("fromLevel").asInt()).isEqualTo(3);
        assertThat(changed.get("toLevel").asInt()).isEqualTo(2);
        assertThat(changed.get("changedOn").asText()).isEqualTo("2016-03-10");
        assertThat(byType.get("CepInformationGiven").get(0).get("informedOn").asText()).isEqualTo("2016-02-29");
        JsonNode interview = byType.get("InterviewHeld").get(1);
        assertThat(interview.get("heldOn").asText()).isEqualTo("2016-03-21");
        assertThat(interview.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(interview.get("mode").asText()).isEqualTo("PHONE");
        assertThat(interview.get("counsellorId").asText()).isEqualTo(fixtures.counsellor.toString());
        JsonNode planned = byType.get("ActionPlanned").get(0);
        assertThat(planned.get("kind").asText()).isEqualTo("PMSMP");
        assertThat(planned.get("pmsmpPurpose").asText()).isEqualTo("DISCOVER_JOB");
        assertThat(planned.get("startDate").asText()).isEqualTo("2016-03-14");
        assertThat(planned.get("endDate").asText()).isEqualTo("2016-04-08");
        assertThat(planned.get("plannedOn").asText()).isEqualTo("2016-03-01");
        assertThat(byType.get("ActionPlanned").get(1).get("alternanceContract").asText()).isEqualTo("PROFESSIONALISATION");
        assertThat(byType.get("ActionPlanned").get(2).get("cpfTrainingProjectId").asText())
                .isEqualTo(trainingProject.toString());
        JsonNode completed = byType.get("ActionCompleted").get(0);
        assertThat(completed.get("actionId").asText()).isEqualTo(pmsmp);
        assertThat(completed.get("kind").asText()).isEqualTo("PMSMP");
        assertThat(completed.get("completedOn").asText()).isEqualTo("2016-04-08");
        assertThat(byType.get("ActionCancelled").get(0).get("cancelledOn").asText()).isEqualTo("2016-04-20");
        assertThat(byType.get("SynthesisIssued").get(0).get("revision").asInt()).isEqualTo(1);
        JsonNode closed = byType.get("AccompanimentClosed").get(0);
        assertThat(closed.get("outcome").asText()).isEqualTo("START_TRAINING");
        assertThat(closed.get("decisionTaken").asBoolean()).isTrue();
        assertThat(closed.get("level").asInt()).isEqualTo(2);
        assertThat(closed.get("closedOn").asText()).isEqualTo("2016-06-20");
        EventEnvelope closedEnvelope = events.get(events.size() - 1);
        assertThat(closedEnvelope.occurredAt()).as("business time: the day of the closure in France")
                .isEqualTo(java.time.Instant.parse("2016-06-19T22:00:00Z"));
    }

    @ParameterizedTest(name = "{0} -> level {1}, service {2}")
    @CsvSource({
            "PROJECT_ELABORATION, 2, PROJECT_ELABORATION_AND_VALIDATION",
            "TRAINING_PROJECT, 3, TRAINING_PROJECT"})
    void theServiceCorrespondenceGivesTheLevelOfACepAccompaniment(String axis, int level, String service) {
        String id = fixtures.accompaniment(axis);
        fixtures.asCounsellor().get(BASE + id).then().statusCode(200)
                .body("level", equalTo(level))
                .body("capEmploiService", equalTo(service))
                .body("serviceCorrespondence.cep", equalTo(true))
                .body("serviceCorrespondence.cepLevel", equalTo(level));
    }

    @ParameterizedTest(name = "{0} is not CEP")
    @CsvSource({
            "DISABILITY_BARRIERS, DISABILITY_BARRIERS_REMOVAL",
            "JOB_SEARCH, JOB_SEARCH_SUPPORT",
            "JOB_RETENTION, JOB_RETENTION"})
    void noCepAccompanimentOpensFromAServiceThatIsNotCep(String axis, String service) {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\","
                + "\"diagnosedOn\":\"2016-02-22\",\"workAxis\":\"" + axis + "\",\"barriers\":[\"HEALTH\"]}")
                .post("/api/v1/cep/diagnostics").then().statusCode(201)
                .body("serviceCorrespondence.cep", equalTo(false))
                .body("serviceCorrespondence.cepLevel", nullValue())
                .body("serviceCorrespondence.capEmploiService", equalTo(service))
                .extract().path("id");
        fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-29\"}").post("/api/v1/cep/accompaniments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("diagnosticId"))
                .body("detail", containsString("not CEP"));
        fixtures.assertNothingListedFor(beneficiary, "/api/v1/cep/accompaniments");
    }

    @Test
    void theCounsellorMayChooseTheOtherLevelAndTheRuleStaysVisible() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        UUID colleague = UUID.randomUUID();
        CepFixtures.counsellorOf(fixtures.structure, colleague);
        fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-29\",\"level\":3,\"referentCounsellorId\":\"" + colleague + "\"}")
                .post("/api/v1/cep/accompaniments").then().statusCode(201)
                .body("level", equalTo(3))
                .body("serviceCorrespondence.cepLevel", equalTo(2));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        String id = fixtures.accompaniment();
        fixtures.asCounsellor().body("{\"level\":4,\"changedOn\":\"2016-03-10\"}").post(BASE + id + "/level")
                .then().statusCode(409).contentType("application/problem+json").body("violations.field", hasItem("level"));
        fixtures.asCounsellor().body("{\"level\":1,\"changedOn\":\"2016-03-10\"}").post(BASE + id + "/level")
                .then().statusCode(409).body("violations.field", hasItem("level"));
        fixtures.asCounsellor().body("{\"level\":2,\"changedOn\":\"2016-03-10\"}").post(BASE + id + "/level")
                .then().statusCode(409).body("detail", containsString("already at level 2"));
        fixtures.asCounsellor().body("{\"informedOn\":\"2016-03-01\"}").post(BASE + id + "/cep-information")
                .then().statusCode(200);
        fixtures.asCounsellor().body("{\"informedOn\":\"2016-03-02\"}").post(BASE + id + "/cep-information")
                .then().statusCode(409).body("violations.field", hasItem("informedOn"));
        String pmsmp = fixtures.pmsmp(id, "2016-03-14", "2016-04-08");
        fixtures.asCounsellor().body("{\"status\":\"CANCELLED\",\"effectiveOn\":\"2016-03-10\"}")
                .patch(CepFixtures.actions(id) + "/" + pmsmp).then().statusCode(200);
        fixtures.asCounsellor().body("{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}")
                .patch(CepFixtures.actions(id) + "/" + pmsmp).then().statusCode(409).body("violations.field", hasItem("status"));
        fixtures.asCounsellor().body("{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}")
                .patch(CepFixtures.actions(id) + "/" + UUID.randomUUID()).then().statusCode(404);

        fixtures.asCounsellor().body("{\"closedOn\":\"2016-06-20\",\"outcome\":\"NONE_OR_ABANDON\"}")
                .post(BASE + id + "/close").then().statusCode(200).body("closure.decisionTaken", equalTo(false));
        fixtures.asCounsellor().body("{\"closedOn\":\"2016-06-21\",\"outcome\":\"JOB_SEARCH\"}")
                .post(BASE + id + "/close").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already closed"));

        // a closed accompaniment accepts nothing more
        Map<String, String> afterClosure = Map.of(
                BASE + id + "/level", "{\"level\":3,\"changedOn\":\"2016-06-22\"}",
                BASE + id + "/interviews", "{\"heldOn\":\"2016-06-22\",\"durationMinutes\":30,\"mode\":\"PHONE\"}",
                CepFixtures.actions(id), "{\"kind\":\"VAE\",\"plannedOn\":\"2016-06-22\"}",
                BASE + id + "/synthesis", "{\"issuedOn\":\"2016-06-22\",\"project\":\"Projet\"}");
        afterClosure.forEach((path, body) -> fixtures.asCounsellor().body(body).post(path)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("closed")));
        fixtures.asCounsellor().get(BASE + id).then().statusCode(200).body("level", equalTo(2))
                .body("interviews", hasSize(0)).body("actions", hasSize(1)).body("synthesis", nullValue());
    }

    @Test
    void aPersonHasOneOpenAccompanimentAtATime() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        String body = "{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-29\"}";
        String first = fixtures.asCounsellor().body(body).post("/api/v1/cep/accompaniments").then().statusCode(201)
                .extract().path("id");
        fixtures.asCounsellor().body(body).post("/api/v1/cep/accompaniments").then().statusCode(409)
                .body("violations.field", hasItem("beneficiaryId")).body("detail", containsString(first));
        fixtures.asCounsellor().body("{\"closedOn\":\"2016-06-20\",\"outcome\":\"KEEP_SITUATION\"}")
                .post(BASE + first + "/close").then().statusCode(200);
        fixtures.asCounsellor().body(body.replace("2016-02-29", "2016-07-01")).post("/api/v1/cep/accompaniments")
                .then().statusCode(201);
    }

    @Test
    void aDiagnosticOfAnotherPersonOrStructureCannotOpenAnAccompaniment() {
        UUID beneficiary = fixtures.registeredBeneficiary();
        String othersDiagnostic = fixtures.diagnostic(fixtures.registeredBeneficiary(), "PROJECT_ELABORATION");
        fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + othersDiagnostic
                + "\",\"startDate\":\"2016-02-29\"}").post("/api/v1/cep/accompaniments")
                .then().statusCode(400).body("violations.field", hasItem("diagnosticId"));

        CepFixtures elsewhere = new CepFixtures();
        String foreignDiagnostic = elsewhere.diagnostic(elsewhere.registeredBeneficiary(), "PROJECT_ELABORATION");
        fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + foreignDiagnostic
                + "\",\"startDate\":\"2016-02-29\"}").post("/api/v1/cep/accompaniments")
                .then().statusCode(404).body("violations.field", hasItem("diagnosticId"));
        String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-21\"}").post("/api/v1/cep/accompaniments")
                .then().statusCode(400).body("violations.field", hasItem("startDate"));
    }

    private static String cepTopic() {
        return PlatformTestResource.topic(Topics.CEP);
    }
}
