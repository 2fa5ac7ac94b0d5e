package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.capemploi.events.Topics;
import fr.capemploi.testsupport.BadInputHarness;
import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TestTokens;
import fr.capemploi.testsupport.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each field of each request, wrong in each way that matters: 400 problem+json naming the field, nothing stored and
 * nothing published (the test-support harness's checks; here are the cases, the records they aim at and what the
 * service shows of them).
 */
@QuarkusTest
class BadInputTest extends BadInputHarness<BadInputTest.Case, BadInputTest.Shared> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUTURE = "\"2999-01-01\"";

    record Shared(CepFixtures fixtures, UUID beneficiary, String diagnostic, UUID spare, String spareDiagnostic,
            String accompaniment, String action) {
    }

    record Case(String operation, String field, String body) implements BadInputHarness.BadInput {
        @Override
        public String toString() {
            return operation + " / " + field;
        }
    }

    static final String CONTACT = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
            + "\"counsellorId\":\"5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21\",\"routedTo\":\"APEC\",\"liaisonSheetIssued\":true}";
    static final String DIAGNOSTIC = "{\"beneficiaryId\":\"%s\",\"diagnosedOn\":\"2016-02-22\",\"workAxis\":\"JOB_SEARCH\","
            + "\"barriers\":[\"HEALTH\"],\"counsellorId\":\"5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21\"}";
    static final String OPEN = "{\"beneficiaryId\":\"%s\",\"diagnosticId\":\"%s\",\"startDate\":\"2016-02-29\","
            + "\"referentCounsellorId\":\"5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21\",\"level\":3}";
    static final String LEVEL = "{\"level\":3,\"changedOn\":\"2016-04-11\"}";
    static final String INFORMATION = "{\"informedOn\":\"2016-03-01\",\"counsellorId\":\"5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21\"}";
    static final String INTERVIEW = "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\"}";
    static final String ACTION = "{\"kind\":\"PMSMP\",\"label\":\"Découverte\",\"plannedOn\":\"2016-03-01\","
            + "\"startDate\":\"2016-03-14\",\"endDate\":\"2016-04-08\",\"pmsmpPurpose\":\"CONFIRM_PROJECT\","
            + "\"hostName\":\"ACME\",\"hostSiret\":\"73282932000074\"}";
    static final String SETTLE = "{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}";
    static final String SYNTHESIS = "{\"issuedOn\":\"2016-05-17\",\"project\":\"Projet\",\"strategy\":\"Stratégie\"}";
    static final String CLOSE = "{\"closedOn\":\"2016-06-20\",\"outcome\":\"JOB_SEARCH\"}";

    @Override
    protected Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String longText = "\"" + "x".repeat(1001) + "\"";
        // level-1 contacts
        bad(cases, "contact", CONTACT, "contactDate", null, FUTURE, "\"14/03/2016\"");
        bad(cases, "contact", CONTACT, "channel", null, "\"PIGEON\"");
        bad(cases, "contact", CONTACT, "request", null, "\"GOSSIP\"");
        bad(cases, "contact", CONTACT, "beneficiaryId", "\"not-a-uuid\"");
        bad(cases, "contact", CONTACT, "counsellorId", "\"42\"");
        bad(cases, "contact", CONTACT, "routedTo", "\"NASA\"");
        bad(cases, "contact", CONTACT, "liaisonSheetIssued", "\"perhaps\"");
        bad(cases, "contact", CONTACT, "firstName", "\"Jeanne\"");
        // diagnostics
        bad(cases, "diagnostic", DIAGNOSTIC, "beneficiaryId", null, "\"x\"");
        bad(cases, "diagnostic", DIAGNOSTIC, "diagnosedOn", null, FUTURE);
        bad(cases, "diagnostic", DIAGNOSTIC, "workAxis", null, "\"ASTROLOGY\"");
        bad(cases, "diagnostic", DIAGNOSTIC, "barriers", null, "[\"LUCK\"]", "[\"HEALTH\",\"HEALTH\"]", "[null]", "\"HEALTH\"");
        bad(cases, "diagnostic", DIAGNOSTIC, "counsellorId", "\"x\"");
        bad(cases, "diagnostic", DIAGNOSTIC, "disabilityType", "\"any\"");
        // opening
        bad(cases, "open", OPEN, "beneficiaryId", null, "12");
        bad(cases, "open", OPEN, "diagnosticId", null, "\"x\"");
        bad(cases, "open", OPEN, "referentCounsellorId", "\"x\"");
        bad(cases, "open", OPEN, "startDate", null, FUTURE, "\"2016-02-01\"");
        bad(cases, "open", OPEN, "level", "1", "4", "\"three\"");
        // sub-resources
        bad(cases, "level", LEVEL, "level", null, "0", "\"three\"");
        bad(cases, "level", LEVEL, "changedOn", null, FUTURE, "\"2016-02-01\"");
        bad(cases, "information", INFORMATION, "informedOn", null, FUTURE);
        bad(cases, "information", INFORMATION, "counsellorId", "\"x\"");
        bad(cases, "interview", INTERVIEW, "heldOn", null, FUTURE, "\"2016-02-01\"");
        bad(cases, "interview", INTERVIEW, "durationMinutes", null, "0", "481", "\"an hour\"");
        bad(cases, "interview", INTERVIEW, "mode", null, "\"TELEPATHY\"");
        bad(cases, "action", ACTION, "kind", null, "\"HOLIDAY\"");
        bad(cases, "action", ACTION, "label", "\"" + "x".repeat(201) + "\"");
        bad(cases, "action", ACTION, "plannedOn", null, FUTURE, "\"2016-02-01\"");
        bad(cases, "action", ACTION, "startDate", null, "\"2016-02-29\"");
        bad(cases, "action", ACTION, "endDate", null, "\"2016-04-14\"", "\"2016-03-13\"");
        bad(cases, "action", ACTION, "pmsmpPurpose", null, "\"FUN\"");
        bad(cases, "action", ACTION, "hostName", "\"" + "x".repeat(201) + "\"");
        bad(cases, "action", ACTION, "hostSiret", "\"7328293200007\"", "\"7328293200007A\"");
        bad(cases, "action", ACTION, "renewalOf", "\"x\"");
        bad(cases, "action", ACTION, "alternanceContract", "\"APPRENTICESHIP\"");
        bad(cases, "action", ACTION, "cpfTrainingProjectId", "\"c6f5d1a2-8a1e-4f0b-9d55-5a1f3e9b7c10\"");
        bad(cases, "action", ACTION, "counsellorId", "\"x\"");
        bad(cases, "settle", SETTLE, "status", null, "\"PLANNED\"", "\"MAYBE\"");
        bad(cases, "settle", SETTLE, "effectiveOn", null, FUTURE, "\"2016-02-29\"");
        bad(cases, "synthesis", SYNTHESIS, "issuedOn", null, FUTURE, "\"2016-02-01\"");
        bad(cases, "synthesis", SYNTHESIS, "project", null, "\"  \"", longText);
        bad(cases, "synthesis", SYNTHESIS, "strategy", "\"" + "x".repeat(4001) + "\"");
        bad(cases, "synthesis", SYNTHESIS, "counsellorId", "\"x\"");
        bad(cases, "close", CLOSE, "closedOn", null, FUTURE, "\"2016-02-01\"");
        bad(cases, "close", CLOSE, "outcome", null, "\"WON_THE_LOTTERY\"");
        // declarations
        String d = DeclarationResourceTest.FULL;
        bad(cases, "declaration", d, "counsellorFte", null, "3");
        bad(cases, "declaration", d, "counsellorFte.level1Only", null, "-1", "1.234", "\"many\"");
        bad(cases, "declaration", d, "counsellorFte.levels2And3Only", null, "-0.5", "10000");
        bad(cases, "declaration", d, "counsellorFte.allLevels", null, "-2");
        bad(cases, "declaration", d, "supportFte", null, "-1", "0.001");
        bad(cases, "declaration", d, "professionalisation", (String) null);
        bad(cases, "declaration", d, "professionalisation.actionsEngaged", null, "\"yes\"");
        bad(cases, "declaration", d, "professionalisation.actions", null, "[]", "[\"YOGA\"]",
                "[\"HANDI_FORMATION\",\"HANDI_FORMATION\"]");
        bad(cases, "declaration", d, "systematicTrainingForNewCounsellors", null, "\"sometimes\"");
        bad(cases, "declaration", d, "cepTraining.days", null, "-1");
        bad(cases, "declaration", d, "cepTraining.counsellorsTrained", null, "-1", "0");
        bad(cases, "declaration", d, "mutualisedOffer.used", (String) null);
        bad(cases, "declaration", d, "mutualisedOffer.natures", null, "[]", "[\"PUB\"]");
        bad(cases, "declaration", d, "selfAssessment.level1Delivered", "\"yes\"");
        bad(cases, "declaration", d, "selfAssessment.cpfRulesMastered", "\"maybe\"");
        bad(cases, "declaration", d, "comment", "\"" + "x".repeat(2001) + "\"");
        bad(cases, "declaration", d, "estimatedHappiness", "10");
        return cases.stream();
    }

    /** One case per wrong value of a field; null means "the field is left out". */
    private static void bad(List<Case> cases, String operation, String base, String field, String... values) {
        String body = base.replace("%s", "0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11");
        for (String value : values) {
            cases.add(new Case(operation, field, BadInputHarness.withField(body, field, value)));
        }
    }

    /** A bad date, an unknown channel and a missing request: the one answer names all three, not the first only. */
    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        given().auth().oauth2(TestTokens.counsellor(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"contactDate\":\"14/03/2016\",\"channel\":\"PIGEON\",\"liaisonSheetIssued\":false}")
                .post("/api/v1/cep/level1-contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("3 fields are invalid"))
                .body("violations.field", contains("channel", "contactDate", "request"))
                .body("violations[0].message", startsWith("must be one of "))
                .body("violations[1].message", startsWith("must be a date (YYYY-MM-DD)"));
    }

    /** Every bad request of {@link #cases()}, on records of this test's own: afterwards they read as before. */
    /**
     * The records as the structure's staff read them, and the event types published for the structure. The relay
     * publishes in commit order: once a valid write made now is on the topic, anything written before is there too.
     */
    @Override
    protected Object observe(Shared target) {
        CepFixtures fixtures = target.fixtures();
        List<Object> seen = new ArrayList<>();
        seen.add(fixtures.asCounsellor().get("/api/v1/cep/accompaniments/" + target.accompaniment()).then()
                .statusCode(200).extract().asString());
        seen.add(fixtures.asCounsellor().get("/api/v1/cep/level1-contacts").then().statusCode(200).extract().asString());
        for (UUID beneficiary : List.of(target.beneficiary(), target.spare())) {
            seen.add(fixtures.asCounsellor().queryParam("beneficiaryId", beneficiary.toString())
                    .get("/api/v1/cep/diagnostics").then().statusCode(200).extract().asString());
            seen.add(fixtures.asCounsellor().queryParam("beneficiaryId", beneficiary.toString())
                    .get("/api/v1/cep/accompaniments").then().statusCode(200).extract().asString());
        }
        seen.add(given().auth().oauth2(TestTokens.manager(fixtures.structure))
                .get("/api/v1/cep/declarations/" + fixtures.structure + "/2016").statusCode());
        CepFixtures marker = new CepFixtures();
        marker.diagnostic(marker.registeredBeneficiary(), "JOB_SEARCH");
        TopicProbe.awaitEvents(PlatformTestResource.topic(Topics.CEP), e -> marker.structure.equals(e.structureId()));
        seen.add(TopicProbe.events(PlatformTestResource.topic(Topics.CEP)).stream()
                .filter(e -> fixtures.structure.equals(e.structureId())).map(e -> e.eventType()).sorted().toList());
        return seen;
    }

    /** Sends one bad request against the given records, as the front end would. */
    @Override
    protected Response send(Case input, Shared target) {
        String body = input.body().replace("0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11", switch (input.operation()) {
            case "open" -> target.spare().toString();
            default -> target.beneficiary().toString();
        }).replace("\"diagnosticId\":\"0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11\"",
                "\"diagnosticId\":\"" + target.spareDiagnostic() + "\"");
        if (input.operation().equals("open")) {
            body = withDiagnostic(body, target.spareDiagnostic());
        }
        String base = "/api/v1/cep/accompaniments/" + target.accompaniment();
        String token = input.operation().equals("declaration") ? target.fixtures().managerToken()
                : target.fixtures().counsellorToken();
        String method = switch (input.operation()) {
            case "settle" -> "PATCH";
            case "declaration" -> "PUT";
            default -> "POST";
        };
        String path = switch (input.operation()) {
            case "contact" -> "/api/v1/cep/level1-contacts";
            case "diagnostic" -> "/api/v1/cep/diagnostics";
            case "open" -> "/api/v1/cep/accompaniments";
            case "level" -> base + "/level";
            case "information" -> base + "/cep-information";
            case "interview" -> base + "/interviews";
            case "action" -> base + "/actions";
            case "settle" -> base + "/actions/" + target.action();
            case "synthesis" -> base + "/synthesis";
            case "close" -> base + "/close";
            case "declaration" -> "/api/v1/cep/declarations/" + target.fixtures().structure + "/2016";
            default -> throw new IllegalArgumentException(input.operation());
        };
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).request(method, path);
    }

    private static String withDiagnostic(String body, String diagnostic) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(body);
            JsonNode current = root.get("diagnosticId");
            if (current != null && current.isTextual() && current.asText().length() == 36) {
                root.put("diagnosticId", diagnostic);
            }
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A structure with a beneficiary in accompaniment (one planned action) and a second one diagnosed only. */
    @Override
    protected Shared newTarget() {
        CepFixtures fixtures = new CepFixtures();
        CepFixtures.counsellorOf(fixtures.structure, UUID.fromString("5b2f0a9d-3e1c-4f6a-9c8b-2d4e6f8a0b21"));
        UUID beneficiary = fixtures.registeredBeneficiary();
        String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
        String accompaniment = fixtures.open(beneficiary, diagnostic);
        String action = fixtures.pmsmp(accompaniment, "2016-03-14", "2016-04-08");
        UUID spare = fixtures.registeredBeneficiary();
        String spareDiagnostic = fixtures.diagnostic(spare, "TRAINING_PROJECT");
        return new Shared(fixtures, beneficiary, diagnostic, spare, spareDiagnostic, accompaniment, action);
    }
}
