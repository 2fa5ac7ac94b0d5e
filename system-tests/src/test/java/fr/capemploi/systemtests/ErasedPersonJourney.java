package fr.capemploi.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.systemtests.SuiteApi.Answer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * "Erased means erased" across the suite: a person with CEP and CPF records is erased through beneficiary-service;
 * every write of cep-service and cpf-service on their existing records is then 410 beneficiary-erased, their records
 * stay readable (each read in the person's access log), and the structure's indicators in reporting-service are the
 * same before and after the attempts. Runs on a stack another system test already started (no boot of its own).
 */
final class ErasedPersonJourney {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final String PERIOD = "2016";
    private static final String COUNSELLOR = "counsellor";

    private final SuiteApi api;

    ErasedPersonJourney(SuiteApi api) {
        this.api = api;
    }

    /** What one structure's person has in cep-service and cpf-service before the erasure. */
    private record Story(UUID structure, UUID counsellor, UUID person, UUID diagnostic, UUID accompaniment,
            UUID pmsmp, UUID plannedProject, UUID fundingRequest, UUID startedProject) {
    }

    void run() {
        Story story = story("Cap emploi Hérault", "34", "76");
        // a second structure, whose figures the attempts cannot touch, for the markers below
        UUID markerStructure = api.created(SuiteService.BENEFICIARY, "/api/v1/structures", "admin", null,
                Map.of("code", SuiteApi.uniqueCode(), "name", "Cap emploi Gard", "region", "76", "department", "30",
                        "registeredOn", SuiteApi.today()));
        UUID markerCounsellor = api.counsellor(markerStructure);
        UUID markerPerson = api.person(markerStructure, markerCounsellor, "Marc", "Bernard");

        JsonNode before = settled(story.structure(), figures -> value(figures, "accompaniments-opened") == 1
                && value(figures, "pmsmp-prescribed") == 1 && value(figures, "trainings-started") == 1);

        Answer erased = api.call("DELETE", SuiteService.BENEFICIARY, "/api/v1/beneficiaries/" + story.person(),
                "manager", story.structure(), null);
        assertEquals(204, erased.status(), erased.toString());
        // a read of the person's records is traced only once the service has the erasure: the first trace in the
        // access log is the sign that the service refuses writes from now on
        awaitTracedRead(story, SuiteService.CEP, "/api/v1/cep/accompaniments/" + story.accompaniment(),
                "cep-service/accompaniment/" + story.accompaniment());
        awaitTracedRead(story, SuiteService.CPF, "/api/v1/cpf/training-projects/" + story.plannedProject(),
                "cpf-service/training-project/" + story.plannedProject());

        for (Map.Entry<String, Answer> attempt : writes(story).entrySet()) {
            Answer answer = attempt.getValue();
            assertEquals(410, answer.status(), attempt.getKey() + ": " + answer);
            assertTrue(answer.contentType().startsWith("application/problem+json"), attempt.getKey() + ": " + answer);
            assertTrue(answer.body().path("type").asText().endsWith("/beneficiary-erased"), attempt.getKey() + ": "
                    + answer);
        }

        // markers written after the attempts, in each service's outbox order (published by id): once reporting
        // counts them, an event of any attempt would have been counted too
        api.created(SuiteService.CEP, "/api/v1/cep/level1-contacts", COUNSELLOR, markerStructure, Map.of(
                "contactDate", "2016-03-14", "channel", "PHONE", "request", "CEP_INFORMATION",
                "counsellorId", markerCounsellor.toString(), "routedTo", "OPACIF", "liaisonSheetIssued", true));
        UUID markerProject = api.created(SuiteService.CPF, "/api/v1/cpf/training-projects", COUNSELLOR, markerStructure,
                project(markerPerson));
        ok(api.call("POST", SuiteService.CPF, "/api/v1/cpf/training-projects/" + markerProject + "/start", COUNSELLOR,
                markerStructure, Map.of("startedOn", "2016-09-12")));
        // (an anonymous contact is one of the CEP's people; shares of structures would not do: a structure counts
        // in them from the period it was registered in, and these were registered today)
        settled(markerStructure, figures -> value(figures, "cep-beneficiaries") == 1
                && value(figures, "trainings-started") == 1);

        assertEquals(before, settled(story.structure(), figures -> true),
                "the erased person's structure's figures changed after the refused writes");
    }

    private Story story(String name, String department, String region) {
        UUID structure = api.created(SuiteService.BENEFICIARY, "/api/v1/structures", "admin", null,
                Map.of("code", SuiteApi.uniqueCode(), "name", name, "region", region, "department", department,
                        "registeredOn", SuiteApi.today()));
        UUID counsellor = api.counsellor(structure);
        UUID person = api.person(structure, counsellor, "Aurélie", "Lefèvre");
        String c = counsellor.toString();
        api.created(SuiteService.CEP, "/api/v1/cep/level1-contacts", COUNSELLOR, structure, Map.of("contactDate",
                "2016-02-16", "channel", "ON_SITE", "request", "CEP_INFORMATION", "beneficiaryId", person.toString(),
                "counsellorId", c, "routedTo", "OPACIF", "liaisonSheetIssued", true));
        UUID diagnostic = api.created(SuiteService.CEP, "/api/v1/cep/diagnostics", COUNSELLOR, structure, Map.of(
                "beneficiaryId", person.toString(), "diagnosedOn", "2016-02-22", "workAxis", "PROJECT_ELABORATION",
                "barriers", List.of("QUALIFICATION", "MOBILITY"), "counsellorId", c));
        UUID accompaniment = api.created(SuiteService.CEP, "/api/v1/cep/accompaniments", COUNSELLOR, structure, Map.of(
                "beneficiaryId", person.toString(), "diagnosticId", diagnostic.toString(), "startDate", "2016-02-29"));
        String base = "/api/v1/cep/accompaniments/" + accompaniment;
        ok(api.call("POST", SuiteService.CEP, base + "/cep-information", COUNSELLOR, structure,
                Map.of("informedOn", "2016-03-01")));
        api.created(SuiteService.CEP, base + "/interviews", COUNSELLOR, structure,
                Map.of("heldOn", "2016-03-07", "durationMinutes", 45, "mode", "PHONE", "counsellorId", c));
        UUID pmsmp = api.created(SuiteService.CEP, base + "/actions", COUNSELLOR, structure, pmsmp(c));

        String account = "/api/v1/cpf/accounts/" + person;
        ok(api.sent("PUT", SuiteService.CPF, account + "/presentation", COUNSELLOR, structure,
                Map.of("presentedOn", "2016-05-02")));
        Answer consent = api.call("POST", SuiteService.CPF, account + "/consents", COUNSELLOR, structure,
                Map.of("givenOn", "2016-05-17", "modality", "SIGNED_STANDARD_LETTER"));
        assertEquals(201, consent.status(), consent.toString());
        UUID planned = api.created(SuiteService.CPF, "/api/v1/cpf/training-projects", COUNSELLOR, structure,
                project(person));
        Answer requested = api.call("POST", SuiteService.CPF, "/api/v1/cpf/training-projects/" + planned
                + "/funding-requests", COUNSELLOR, structure, Map.of("funder", "AGEFIPH", "amount", 2000.00,
                "requestedOn", "2016-05-23"));
        assertEquals(201, requested.status(), requested.toString());
        UUID fundingRequest = UUID.fromString(requested.body().path("request").path("id").asText());
        UUID started = api.created(SuiteService.CPF, "/api/v1/cpf/training-projects", COUNSELLOR, structure,
                project(person));
        ok(api.call("POST", SuiteService.CPF, "/api/v1/cpf/training-projects/" + started + "/start", COUNSELLOR,
                structure, Map.of("startedOn", "2016-09-12")));
        return new Story(structure, counsellor, person, diagnostic, accompaniment, pmsmp, planned, fundingRequest,
                started);
    }

    /** One attempt per write operation of cep-service and cpf-service about the person, in the order sent. */
    private Map<String, Answer> writes(Story s) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        String c = s.counsellor().toString();
        String cep = "/api/v1/cep/accompaniments/" + s.accompaniment();
        String account = "/api/v1/cpf/accounts/" + s.person();
        String planned = "/api/v1/cpf/training-projects/" + s.plannedProject();
        String started = "/api/v1/cpf/training-projects/" + s.startedProject();
        write(answers, s, SuiteService.CEP, "POST", "/api/v1/cep/level1-contacts", Map.of("contactDate", "2016-06-01",
                "channel", "PHONE", "request", "TRAINING_INFORMATION", "beneficiaryId", s.person().toString(),
                "counsellorId", c, "liaisonSheetIssued", false));
        write(answers, s, SuiteService.CEP, "POST", "/api/v1/cep/diagnostics", Map.of("beneficiaryId",
                s.person().toString(), "diagnosedOn", "2016-06-01", "workAxis", "TRAINING_PROJECT", "barriers",
                List.of(), "counsellorId", c));
        write(answers, s, SuiteService.CEP, "POST", "/api/v1/cep/accompaniments", Map.of("beneficiaryId",
                s.person().toString(), "diagnosticId", s.diagnostic().toString(), "startDate", "2016-06-01"));
        write(answers, s, SuiteService.CEP, "POST", cep + "/level", Map.of("level", 3, "changedOn", "2016-06-01"));
        write(answers, s, SuiteService.CEP, "POST", cep + "/cep-information", Map.of("informedOn", "2016-06-01"));
        write(answers, s, SuiteService.CEP, "POST", cep + "/interviews", Map.of("heldOn", "2016-06-01",
                "durationMinutes", 45, "mode", "PHONE", "counsellorId", c));
        write(answers, s, SuiteService.CEP, "POST", cep + "/actions", Map.of("kind", "ALTERNANCE", "plannedOn",
                "2016-06-01", "alternanceContract", "APPRENTICESHIP", "counsellorId", c));
        write(answers, s, SuiteService.CEP, "PATCH", cep + "/actions/" + s.pmsmp(), Map.of("status", "DONE",
                "effectiveOn", "2016-06-01"));
        write(answers, s, SuiteService.CEP, "PATCH", cep + "/actions/" + s.pmsmp(), Map.of("status", "CANCELLED",
                "effectiveOn", "2016-06-01"));
        write(answers, s, SuiteService.CEP, "POST", cep + "/synthesis", Map.of("issuedOn", "2016-06-01", "project",
                "Reprendre une formation", "counsellorId", c));
        write(answers, s, SuiteService.CEP, "POST", cep + "/close", Map.of("closedOn", "2016-06-30", "outcome",
                "NONE_OR_ABANDON"));

        write(answers, s, SuiteService.CPF, "PUT", account + "/presentation", Map.of("presentedOn", "2016-04-01"));
        write(answers, s, SuiteService.CPF, "PUT", account + "/opening-assistance", Map.of("step", "ASSISTED", "on",
                "2016-06-01"));
        write(answers, s, SuiteService.CPF, "POST", account + "/consents", Map.of("givenOn", "2016-06-01",
                "modality", "SIGNED_STANDARD_LETTER"));
        write(answers, s, SuiteService.CPF, "POST", account + "/consents/withdrawal", Map.of("withdrawnOn",
                "2016-06-01"));
        write(answers, s, SuiteService.CPF, "PUT", account + "/balance", Map.of("unit", "EUROS", "amount", 1200.00,
                "asOf", "2016-06-01"));
        write(answers, s, SuiteService.CPF, "POST", "/api/v1/cpf/training-projects", project(s.person()));
        write(answers, s, SuiteService.CPF, "POST", planned + "/funding-requests", Map.of("funder", "REGION",
                "amount", 1000.00, "requestedOn", "2016-06-01"));
        write(answers, s, SuiteService.CPF, "POST", planned + "/funding-requests/" + s.fundingRequest() + "/decision",
                Map.of("decision", "GRANTED", "answeredOn", "2016-06-01"));
        write(answers, s, SuiteService.CPF, "POST", planned + "/start", Map.of("startedOn", "2016-09-12"));
        write(answers, s, SuiteService.CPF, "POST", started + "/complete", Map.of("completedOn", "2017-03-31",
                "certificationObtained", true));
        write(answers, s, SuiteService.CPF, "POST", planned + "/not-implemented", Map.of("decidedOn", "2016-08-30",
                "reasons", List.of("COST_TOO_HIGH")));
        return answers;
    }

    private void write(Map<String, Answer> answers, Story s, SuiteService service, String method, String path,
            Object body) {
        String name = method + " " + path.replace(s.person().toString(), "{person}") + " #" + answers.size();
        answers.put(name, api.call(method, service, path, COUNSELLOR, s.structure(), body));
    }

    private void awaitTracedRead(Story s, SuiteService service, String path, String record) {
        await(record + " read and traced").atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            ok(api.call("GET", service, path, COUNSELLOR, s.structure(), null));
            Answer log = api.call("GET", SuiteService.BENEFICIARY, "/api/v1/beneficiaries/" + s.person()
                    + "/access-log?size=200", "manager", s.structure(), null);
            ok(log);
            for (JsonNode entry : log.body().path("items")) {
                if ("RECORD_READ".equals(entry.path("action").asText()) && record.equals(entry.path("record").asText())
                        && COUNSELLOR.equals(entry.path("callerRole").asText())) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * The structure's indicators once reporting has applied everything published on the three topics and they
     * satisfy {@code shown}.
     */
    private JsonNode settled(UUID structure, Predicate<JsonNode> shown) {
        JsonNode[] figures = new JsonNode[1];
        await("reporting settled for " + structure).atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (String topic : List.of("beneficiary.events", "cep.events", "cpf.events")) {
                        assertEquals(0, api.projectionLag(topic), "reporting's lag on " + topic);
                    }
                    figures[0] = api.structureIndicators(structure, PERIOD);
                    assertTrue(shown.test(figures[0]), "not shown yet: " + figures[0]);
                });
        return figures[0];
    }

    private static void ok(Answer answer) {
        assertEquals(200, answer.status(), answer.toString());
    }

    private static Map<String, Object> pmsmp(String counsellor) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("kind", "PMSMP");
        action.put("label", "Découverte du métier de préparateur de commandes");
        action.put("plannedOn", "2016-03-01");
        action.put("startDate", "2016-03-14");
        action.put("endDate", "2016-04-08");
        action.put("pmsmpPurpose", "DISCOVER_JOB");
        action.put("hostName", "Logistique du Val SARL");
        action.put("hostSiret", "73282932000074");
        action.put("counsellorId", counsellor);
        return action;
    }

    private static Map<String, Object> project(UUID person) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("beneficiaryId", person.toString());
        project.put("title", "Titre professionnel Secrétaire assistant");
        project.put("certification", Map.of("kind", "RNCP", "code", "RNCP1234"));
        project.put("eligibilityList", "COPAREF");
        project.put("eligibilityRegion", "76");
        project.put("trainingBody", Map.of("name", "AFPA Montpellier", "siret", "12345678901234"));
        project.put("startDate", "2016-09-12");
        project.put("endDate", "2017-03-31");
        project.put("hours", 420);
        project.put("cost", 4830.50);
        return project;
    }

    private static long value(JsonNode figures, String id) {
        return indicator(figures, id).path("value").asLong();
    }

    private static JsonNode indicator(JsonNode figures, String id) {
        for (JsonNode indicator : figures) {
            if (id.equals(indicator.path("id").asText())) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id + " in " + figures);
    }
}
