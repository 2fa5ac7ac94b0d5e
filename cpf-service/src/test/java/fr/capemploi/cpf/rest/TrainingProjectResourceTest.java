package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingProjectResourceTest {

    private final UUID structure = UUID.randomUUID();
    private final String counsellor = TestTokens.counsellor(structure);

    private ValidatableResponse decide(UUID project, UUID request, String body) {
        return as(counsellor).body(body).post(project(project) + "/funding-requests/" + request + "/decision").then();
    }

    @Test
    void aProjectIsCreatedWithItsFactsAndPublishedWithoutFreeText() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID accompaniment = UUID.randomUUID();
        String body = Fixtures.projectBody(beneficiary).replace("{\"beneficiaryId\"",
                "{\"accompanimentId\":\"" + accompaniment + "\",\"beneficiaryId\"");
        String id = as(counsellor).body(body).post("/api/v1/cpf/training-projects").then().statusCode(201)
                .header("Location", containsString("/api/v1/cpf/training-projects/"))
                .body("status", equalTo("PLANNED")).body("cpfEligible", equalTo(true))
                .body("title", equalTo("Titre professionnel Secrétaire assistant"))
                .body("certification.code", equalTo("RNCP1234")).body("trainingBody.siret", equalTo("12345678901234"))
                .body("cost", equalTo(new BigDecimal("4830.50"))).body("fundingRequests", empty())
                .body("plan.fundingGap", equalTo(new BigDecimal("4830.50"))).body("plan.warnings", empty())
                .extract().path("id");
        UUID projectId = UUID.fromString(id);

        as(TestTokens.manager(structure)).get(project(projectId)).then().statusCode(200)
                .body("accompanimentId", equalTo(accompaniment.toString()));
        as(TestTokens.manager(structure)).queryParam("beneficiaryId", beneficiary).get("/api/v1/cpf/training-projects")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(id));
        as(TestTokens.counsellor(UUID.randomUUID())).get(project(projectId)).then().statusCode(404);

        EventEnvelope created = Fixtures.awaitEvents(projectId, 1).get(0);
        assertThat(created.eventType()).isEqualTo("TrainingProjectCreated");
        assertThat(created.aggregateType()).isEqualTo("TrainingProject");
        assertThat(created.structureId()).isEqualTo(structure);
        JsonNode payload = created.payload();
        assertThat(payload.get("beneficiaryId").asText()).isEqualTo(beneficiary.toString());
        assertThat(payload.get("accompanimentId").asText()).isEqualTo(accompaniment.toString());
        assertThat(payload.get("certificationKind").asText()).isEqualTo("RNCP");
        assertThat(payload.get("eligibilityList").asText()).isEqualTo("COPAREF");
        assertThat(payload.get("eligibilityRegion").asText()).isEqualTo("11");
        assertThat(payload.get("hours").asInt()).isEqualTo(420);
        assertThat(payload.get("cost").asText()).isEqualTo("4830.50");
        assertThat(payload.get("startDate").asText()).isEqualTo("2016-09-12");
        assertThat(payload.get("endDate").asText()).isEqualTo("2017-03-31");
        assertThat(payload.has("title")).isFalse();
        assertThat(payload.toString()).doesNotContain("AFPA").doesNotContain("Secrétaire");
    }

    @Test
    void theFundingPlanAddsUpDecisionsAndDerivesGapDelayAndNewFinancialEngineering() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID projectId = Fixtures.createProject(structure, beneficiary);
        // CPF 1 440 € + Agefiph 2 000 € + AIF 1 000 € + personal 390.50 € = 4 830.50 €
        UUID cpf = UUID.fromString(as(counsellor).body("{\"funder\":\"CPF\",\"amount\":1440.00,\"cpfHours\":96,"
                + "\"requestedOn\":\"2016-05-23\"}").post(project(projectId) + "/funding-requests").then().statusCode(201)
                .body("request.cpfHours", equalTo(96)).body("plan.newFinancialEngineering", equalTo(false))
                .body("plan.pendingAmount", equalTo(new BigDecimal("1440.00"))).extract().path("request.id"));
        UUID personal = Fixtures.requestFunding(structure, projectId, "PERSONAL", "390.50");
        as(counsellor).get(project(projectId)).then().body("plan.newFinancialEngineering", equalTo(false));
        UUID agefiph = Fixtures.requestFunding(structure, projectId, "AGEFIPH", "2000.00");
        UUID aif = Fixtures.requestFunding(structure, projectId, "AIF_POLE_EMPLOI", "1000.00");
        as(counsellor).get(project(projectId)).then()
                .body("plan.totalRequested", equalTo(new BigDecimal("4830.50")))
                .body("plan.pendingAmount", equalTo(new BigDecimal("4830.50")))
                .body("plan.totalGranted", equalTo(new BigDecimal("0.00")))
                .body("plan.newFinancialEngineering", equalTo(true));

        decide(projectId, cpf, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-06-06\"}").statusCode(200)
                .body("request.grantedAmount", equalTo(new BigDecimal("1440.00")))
                .body("request.responseDelayDays", equalTo(14));
        decide(projectId, agefiph, "{\"decision\":\"PARTLY_GRANTED\",\"grantedAmount\":1500.00,"
                + "\"answeredOn\":\"2016-07-04\",\"comment\":\"Plafond départemental\"}").statusCode(200)
                .body("request.responseDelayDays", equalTo(42))
                .body("plan.totalGranted", equalTo(new BigDecimal("2940.00")))
                .body("plan.fundingGap", equalTo(new BigDecimal("1890.50")));
        decide(projectId, aif, "{\"decision\":\"REFUSED\",\"refusalReason\":\"NO_BUDGET\",\"answeredOn\":\"2016-06-23\"}")
                .statusCode(200).body("request.grantedAmount", equalTo(new BigDecimal("0.00")))
                .body("request.responseDelayDays", equalTo(31))
                .body("plan.totalRequested", equalTo(new BigDecimal("3830.50")))
                .body("plan.pendingAmount", equalTo(new BigDecimal("390.50")));
        decide(projectId, personal, "{\"decision\":\"WITHDRAWN\",\"answeredOn\":\"2016-06-30\"}").statusCode(200)
                .body("request.responseDelayDays", nullValue())
                .body("plan.pendingAmount", equalTo(new BigDecimal("0.00")))
                .body("plan.totalRequested", equalTo(new BigDecimal("3440.00")))
                .body("plan.fundingGap", equalTo(new BigDecimal("1890.50")))
                .body("plan.newFinancialEngineering", equalTo(true));
        // a decision is final
        decide(projectId, cpf, "{\"decision\":\"REFUSED\",\"refusalReason\":\"OTHER\",\"answeredOn\":\"2016-07-01\"}")
                .statusCode(409);
        // a refused funder may be asked again
        Fixtures.requestFunding(structure, projectId, "AIF_POLE_EMPLOI", "1890.50");
        as(counsellor).body("{\"funder\":\"AGEFIPH\",\"amount\":10,\"requestedOn\":\"2016-08-01\"}")
                .post(project(projectId) + "/funding-requests").then().statusCode(409);

        List<EventEnvelope> events = Fixtures.awaitEvents(projectId, 10);
        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("TrainingProjectCreated",
                "FundingRequested", "FundingRequested", "FundingRequested", "FundingRequested",
                "FundingDecided", "FundingDecided", "FundingDecided", "FundingDecided", "FundingRequested");
        JsonNode requested = events.get(1).payload();
        assertThat(requested.get("funder").asText()).isEqualTo("CPF");
        assertThat(requested.get("amount").asText()).isEqualTo("1440.00");
        assertThat(requested.get("cpfHours").asInt()).isEqualTo(96);
        assertThat(requested.get("requestedOn").asText()).isEqualTo("2016-05-23");
        JsonNode partly = events.get(6).payload();
        assertThat(partly.get("funder").asText()).isEqualTo("AGEFIPH");
        assertThat(partly.get("decision").asText()).isEqualTo("PARTLY_GRANTED");
        assertThat(partly.get("requestedAmount").asText()).isEqualTo("2000.00");
        assertThat(partly.get("grantedAmount").asText()).isEqualTo("1500.00");
        assertThat(partly.get("requestedOn").asText()).isEqualTo("2016-05-23");
        assertThat(partly.get("answeredOn").asText()).isEqualTo("2016-07-04");
        assertThat(partly.get("responseDelayDays").asInt()).isEqualTo(42);
        assertThat(partly.get("newFinancialEngineering").asBoolean()).isTrue();
        assertThat(partly.toString()).doesNotContain("Plafond");
        JsonNode refused = events.get(7).payload();
        assertThat(refused.get("refusalReason").asText()).isEqualTo("NO_BUDGET");
        assertThat(refused.get("grantedAmount").asText()).isEqualTo("0.00");
        assertThat(events.get(8).payload().get("responseDelayDays").isNull()).isTrue();
        assertThat(events).allSatisfy(e -> assertThat(e.payload().get("beneficiaryId").asText())
                .isEqualTo(beneficiary.toString()));
    }

    @Test
    void riskWarningsAreComputedWhenThePlanIsBuiltAndExplained() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        as(counsellor).body("{\"unit\":\"EUROS\",\"amount\":1000.00,\"asOf\":\"2020-01-15\"}")
                .put(Fixtures.account(beneficiary) + "/balance").then().statusCode(200);
        UUID projectId = Fixtures.createProject(structure, Fixtures.projectBody(beneficiary, "2020-03-02", "2021-03-02",
                "NONE", "null", "9000.00"));
        as(counsellor).get(project(projectId)).then().body("cpfEligible", equalTo(false))
                .body("plan.warnings.code", containsInAnyOrder("LONGER_THAN_ONE_YEAR", "NOT_CPF_ELIGIBLE"));
        Fixtures.requestFunding(structure, projectId, "CPF", "1500.00");
        as(counsellor).body("{\"funder\":\"AGEFIPH\",\"amount\":6000.00,\"requestedOn\":\"2020-01-20\"}")
                .post(project(projectId) + "/funding-requests").then().statusCode(201)
                .body("plan.warnings.code", containsInAnyOrder("LONGER_THAN_ONE_YEAR", "NOT_CPF_ELIGIBLE",
                        "CPF_BALANCE_SHORT", "COST_ABOVE_USUAL_CEILING"))
                .body("plan.warnings.find { it.code == 'CPF_BALANCE_SHORT' }.explanation",
                        equalTo("Le solde CPF relevé (1\u00a0000 € au 15 janvier 2020) est inférieur au montant demandé "
                                + "au CPF (1\u00a0500 €)."))
                .body("plan.warnings.find { it.code == 'COST_ABOVE_USUAL_CEILING' }.funder", equalTo("AGEFIPH"))
                .body("plan.warnings.find { it.code == 'COST_ABOVE_USUAL_CEILING' }.explanation",
                        containsString("plafond d'usage (5\u00a0000 €)"))
                .body("plan.warnings.find { it.code == 'LONGER_THAN_ONE_YEAR' }.explanation",
                        containsString("du 2 mars 2020 au 2 mars 2021"));
    }

    @Test
    void aTrainingFundedByTheCpfCannotStartWithoutConsent() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID projectId = Fixtures.createProject(structure, beneficiary);
        UUID cpf = Fixtures.requestFunding(structure, projectId, "CPF", "1440.00");
        decide(projectId, cpf, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-06-06\"}").statusCode(200);

        as(counsellor).body("{\"startedOn\":\"2016-09-12\"}").post(project(projectId) + "/start").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/cpf-consent-missing"))
                .body("detail", containsString("consent"));
        // a consent given after the start date does not cover it
        Fixtures.giveConsent(structure, beneficiary, "2016-09-13");
        as(counsellor).body("{\"startedOn\":\"2016-09-12\"}").post(project(projectId) + "/start").then().statusCode(409);
        as(counsellor).body("{\"startedOn\":\"2016-09-13\"}").post(project(projectId) + "/start").then()
                .statusCode(200).body("status", equalTo("STARTED")).body("startedOn", equalTo("2016-09-13"));

        EventEnvelope started = Fixtures.awaitEvents(projectId, 4).get(3);
        assertThat(started.eventType()).isEqualTo("TrainingStarted");
        assertThat(started.payload().get("startedOn").asText()).isEqualTo("2016-09-13");
        assertThat(started.payload().get("cpfFunded").asBoolean()).isTrue();
    }

    @Test
    void aTrainingWithoutCpfStartsWithoutConsentThenCompletes() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID projectId = Fixtures.createProject(structure, beneficiary);
        UUID refusedCpf = Fixtures.requestFunding(structure, projectId, "CPF", "500.00");
        decide(projectId, refusedCpf, "{\"decision\":\"REFUSED\",\"refusalReason\":\"INSUFFICIENT_CPF_RIGHTS\","
                + "\"answeredOn\":\"2016-06-01\"}").statusCode(200);
        Fixtures.requestFunding(structure, projectId, "REGION", "4830.50");

        as(counsellor).body("{\"completedOn\":\"2017-03-31\"}").post(project(projectId) + "/complete").then()
                .statusCode(409);
        as(counsellor).body("{\"startedOn\":\"2016-09-12\"}").post(project(projectId) + "/start").then().statusCode(200);
        as(counsellor).body("{\"startedOn\":\"2016-09-12\"}").post(project(projectId) + "/start").then().statusCode(409);
        as(counsellor).body("{\"decidedOn\":\"2016-09-20\",\"reasons\":[\"OTHER\"]}")
                .post(project(projectId) + "/not-implemented").then().statusCode(409);
        as(counsellor).body("{\"completedOn\":\"2016-09-11\"}").post(project(projectId) + "/complete").then()
                .statusCode(400).body("violations.field", contains("completedOn"));
        as(counsellor).body("{\"completedOn\":\"2017-03-31\",\"certificationObtained\":true}")
                .post(project(projectId) + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("certificationObtained", equalTo(true));
        // funders answer late: a decision after the start is still recorded
        UUID region = UUID.fromString(as(counsellor).get(project(projectId)).then().extract()
                .path("fundingRequests.find { it.funder == 'REGION' }.id"));
        decide(projectId, region, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-10-03\"}").statusCode(200)
                .body("plan.fundingGap", equalTo(new BigDecimal("0.00")));
        as(counsellor).body("{\"funder\":\"EMPLOYER\",\"amount\":10,\"requestedOn\":\"2016-10-03\"}")
                .post(project(projectId) + "/funding-requests").then().statusCode(409);

        List<EventEnvelope> events = Fixtures.awaitEvents(projectId, 7);
        EventEnvelope started = events.stream().filter(e -> e.eventType().equals("TrainingStarted")).findFirst().orElseThrow();
        assertThat(started.payload().get("cpfFunded").asBoolean()).isFalse();
        EventEnvelope completed = events.stream().filter(e -> e.eventType().equals("TrainingCompleted")).findFirst()
                .orElseThrow();
        assertThat(completed.payload().get("completedOn").asText()).isEqualTo("2017-03-31");
        assertThat(completed.payload().get("certificationObtained").asBoolean()).isTrue();
    }

    @Test
    void aPlannedTrainingMayBeDeclaredNotImplementedWithItsReasons() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID projectId = Fixtures.createProject(structure, beneficiary);
        UUID aif = Fixtures.requestFunding(structure, projectId, "AIF_POLE_EMPLOI", "2000.00");
        as(counsellor).body("{\"decidedOn\":\"2016-08-30\",\"reasons\":[\"SLOW_CO_FUNDING_ANSWERS\","
                + "\"SLOW_CO_FUNDING_ANSWERS\"]}").post(project(projectId) + "/not-implemented").then()
                .statusCode(400).body("violations.field", contains("reasons[1]"));
        as(counsellor).body("{\"decidedOn\":\"2016-08-30\",\"reasons\":[\"SLOW_CO_FUNDING_ANSWERS\","
                + "\"NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS\"]}").post(project(projectId) + "/not-implemented").then()
                .statusCode(200).body("status", equalTo("NOT_IMPLEMENTED"))
                .body("notImplementedReasons", contains("NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS",
                        "SLOW_CO_FUNDING_ANSWERS"));
        as(counsellor).body("{\"startedOn\":\"2016-09-12\"}").post(project(projectId) + "/start").then().statusCode(409);
        decide(projectId, aif, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-09-01\"}").statusCode(409);
        as(counsellor).queryParam("status", "NOT_IMPLEMENTED").get("/api/v1/cpf/training-projects").then()
                .statusCode(200).body("items.id", hasItem(projectId.toString()))
                .body("items.status", not(hasItem("PLANNED")));

        EventEnvelope event = Fixtures.awaitEvents(projectId, 3).get(2);
        assertThat(event.eventType()).isEqualTo("TrainingNotImplemented");
        assertThat(event.payload().get("decidedOn").asText()).isEqualTo("2016-08-30");
        assertThat(event.payload().get("reasons")).extracting(JsonNode::asText)
                .containsExactly("NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS", "SLOW_CO_FUNDING_ANSWERS");
    }

    @Test
    void aProjectForAnUnknownOrForeignBeneficiaryIsRefusedNamingTheField() {
        UUID foreign = Fixtures.knownBeneficiary(UUID.randomUUID());
        as(counsellor).body(Fixtures.projectBody(foreign)).post("/api/v1/cpf/training-projects").then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://cepcpf.capemploi.fr/problems/unknown-reference"))
                .body("violations.field", contains("beneficiaryId"));
        as(counsellor).get("/api/v1/cpf/training-projects").then().statusCode(200)
                .body("items.beneficiaryId", not(hasItem(foreign.toString())));
    }

    @Test
    void theListShowsOnlyTheCallersStructureNewestFirstAndPages() {
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID first = Fixtures.createProject(structure, beneficiary);
        UUID second = Fixtures.createProject(structure, beneficiary);
        UUID otherStructure = UUID.randomUUID();
        Fixtures.createProject(otherStructure, Fixtures.knownBeneficiary(otherStructure));
        as(TestTokens.manager(structure)).queryParam("size", 1).get("/api/v1/cpf/training-projects").then()
                .statusCode(200).body("total", equalTo(2)).body("items", hasSize(1))
                .body("items[0].id", equalTo(second.toString()));
        as(TestTokens.manager(structure)).queryParam("size", 1).queryParam("page", 1).get("/api/v1/cpf/training-projects")
                .then().body("items[0].id", equalTo(first.toString()));
    }
}
