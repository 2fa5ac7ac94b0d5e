package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import fr.capemploi.testsupport.BadInputHarness;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every field of every write: a 400 problem naming the field, and nothing stored (the account and the
 * project read the same after all the refused requests as before them, and no project appeared). The checks are the
 * test-support harness's; here are the cases and what they aim at.
 */
@QuarkusTest
class BadInputTest extends BadInputHarness<BadInputTest.Case, BadInputTest.Records> {

    private static final String TOMORROW = LocalDate.now().plusDays(2).toString();

    /** One structure's beneficiary, training project and funding request: what the bad requests aim at. */
    record Records(UUID structure, UUID beneficiary, UUID project, UUID request) {
    }

    enum Target {
        PRESENTATION, OPENING, CONSENT, WITHDRAWAL, BALANCE, PROJECT, FUNDING, DECISION, START, COMPLETE, NOT_IMPLEMENTED
    }

    record Case(Target target, String body, String field) implements BadInputHarness.BadInput {
        @Override
        public String toString() {
            return target + ": " + field;
        }
    }

    @Override
    protected Records newTarget() {
        UUID structure = UUID.randomUUID();
        UUID beneficiary = Fixtures.knownBeneficiary(structure);
        UUID project = Fixtures.createProject(structure, beneficiary);
        return new Records(structure, beneficiary, project,
                Fixtures.requestFunding(structure, project, "AGEFIPH", "1000.00"));
    }

    @Override
    protected Stream<Case> cases() {
        String project = Fixtures.projectBody(UUID.fromString("00000000-0000-4000-8000-000000000001"));
        return Stream.of(
                new Case(Target.PRESENTATION, "{\"presentedOn\":\"" + TOMORROW + "\"}", "presentedOn"),
                new Case(Target.PRESENTATION, "{\"presentedOn\":\"2016-05-02\",\"counsellorId\":\"x\"}", "counsellorId"),
                new Case(Target.OPENING, "{\"on\":\"2016-05-02\"}", "step"),
                new Case(Target.OPENING, "{\"step\":\"HELPED\",\"on\":\"2016-05-02\"}", "step"),
                new Case(Target.OPENING, "{\"step\":\"ASSISTED\"}", "on"),
                new Case(Target.CONSENT, "{\"givenOn\":\"2016-05-17\"}", "modality"),
                new Case(Target.CONSENT, "{\"givenOn\":\"2016-05-17\",\"modality\":\"ORAL\"}", "modality"),
                new Case(Target.CONSENT, "{\"givenOn\":\"" + TOMORROW + "\",\"modality\":\"SIGNED_STANDARD_LETTER\"}",
                        "givenOn"),
                new Case(Target.WITHDRAWAL, "{}", "withdrawnOn"),
                new Case(Target.WITHDRAWAL, "{\"withdrawnOn\":\"2016-13-01\"}", "withdrawnOn"),
                new Case(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":-1,\"asOf\":\"2020-01-01\"}", "amount"),
                new Case(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":1.005,\"asOf\":\"2020-01-01\"}", "amount"),
                new Case(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":\"a lot\",\"asOf\":\"2020-01-01\"}", "amount"),
                new Case(Target.BALANCE, "{\"unit\":\"DAYS\",\"amount\":1,\"asOf\":\"2020-01-01\"}", "unit"),
                new Case(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":1}", "asOf"),
                new Case(Target.BALANCE, "{\"unit\":\"HOURS\",\"amount\":24,\"asOf\":\"2020-01-01\"}", "unit"),
                new Case(Target.PROJECT, project.replace("\"beneficiaryId\":\"00000000-0000-4000-8000-000000000001\",",
                        ""), "beneficiaryId"),
                new Case(Target.PROJECT, project.replace("\"cost\":4830.50", "\"cost\":-1"), "cost"),
                new Case(Target.PROJECT, project.replace("\"cost\":4830.50", "\"cost\":10.999"), "cost"),
                new Case(Target.PROJECT, project.replace("\"cost\":4830.50", "\"cost\":100000000"), "cost"),
                new Case(Target.PROJECT, project.replace("\"endDate\":\"2017-03-31\"", "\"endDate\":\"2016-09-11\""),
                        "endDate"),
                new Case(Target.PROJECT, project.replace("\"hours\":420", "\"hours\":0"), "hours"),
                new Case(Target.PROJECT, project.replace("\"hours\":420", "\"hours\":10001"), "hours"),
                new Case(Target.PROJECT, project.replace("Titre professionnel Secrétaire assistant", " "), "title"),
                new Case(Target.PROJECT, project.replace("\"kind\":\"RNCP\"", "\"kind\":\"DIPLOMA\""),
                        "certification.kind"),
                new Case(Target.PROJECT, project.replace("\"code\":\"RNCP1234\"", "\"code\":\"RS1234\""),
                        "certification.code"),
                new Case(Target.PROJECT, project.replace("\"code\":\"RNCP1234\"", "\"code\":\"rncp 1234\""),
                        "certification.code"),
                new Case(Target.PROJECT, project.replace("\"eligibilityList\":\"COPAREF\"", "\"eligibilityList\":\"X\""),
                        "eligibilityList"),
                new Case(Target.PROJECT, project.replace("\"eligibilityRegion\":\"11\"", "\"eligibilityRegion\":null"),
                        "eligibilityRegion"),
                new Case(Target.PROJECT, project.replace("\"eligibilityRegion\":\"11\"", "\"eligibilityRegion\":\"1A\""),
                        "eligibilityRegion"),
                new Case(Target.PROJECT, project.replace("\"eligibilityList\":\"COPAREF\"", "\"eligibilityList\":\"NONE\""),
                        "eligibilityRegion"),
                new Case(Target.PROJECT, project.replace("\"name\":\"AFPA Paris\"", "\"name\":\"\""),
                        "trainingBody.name"),
                new Case(Target.PROJECT, project.replace("\"siret\":\"12345678901234\"", "\"siret\":\"123\""),
                        "trainingBody.siret"),
                new Case(Target.PROJECT, project.replace("\"startDate\":\"2016-09-12\",", ""), "startDate"),
                new Case(Target.FUNDING, "{\"funder\":\"BANK\",\"amount\":10,\"requestedOn\":\"2016-05-23\"}", "funder"),
                new Case(Target.FUNDING, "{\"amount\":10,\"requestedOn\":\"2016-05-23\"}", "funder"),
                new Case(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":-10,\"requestedOn\":\"2016-05-23\"}",
                        "amount"),
                new Case(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":0,\"requestedOn\":\"2016-05-23\"}",
                        "amount"),
                new Case(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":9999,\"requestedOn\":\"2016-05-23\"}",
                        "amount"),
                new Case(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":10,\"cpfHours\":24,"
                        + "\"requestedOn\":\"2016-05-23\"}", "cpfHours"),
                new Case(Target.FUNDING, "{\"funder\":\"CPF\",\"amount\":10,\"cpfHours\":-2,"
                        + "\"requestedOn\":\"2016-05-23\"}", "cpfHours"),
                new Case(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":10,\"requestedOn\":\"" + TOMORROW + "\"}",
                        "requestedOn"),
                new Case(Target.DECISION, "{\"decision\":\"MAYBE\",\"answeredOn\":\"2016-06-01\"}", "decision"),
                new Case(Target.DECISION, "{\"answeredOn\":\"2016-06-01\"}", "decision"),
                new Case(Target.DECISION, "{\"decision\":\"REFUSED\",\"answeredOn\":\"2016-06-01\"}", "refusalReason"),
                new Case(Target.DECISION, "{\"decision\":\"REFUSED\",\"refusalReason\":\"LAZY\","
                        + "\"answeredOn\":\"2016-06-01\"}", "refusalReason"),
                new Case(Target.DECISION, "{\"decision\":\"GRANTED\",\"refusalReason\":\"OTHER\","
                        + "\"answeredOn\":\"2016-06-01\"}", "refusalReason"),
                new Case(Target.DECISION, "{\"decision\":\"PARTLY_GRANTED\",\"answeredOn\":\"2016-06-01\"}",
                        "grantedAmount"),
                new Case(Target.DECISION, "{\"decision\":\"PARTLY_GRANTED\",\"grantedAmount\":1000.00,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                new Case(Target.DECISION, "{\"decision\":\"GRANTED\",\"grantedAmount\":900.00,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                new Case(Target.DECISION, "{\"decision\":\"PARTLY_GRANTED\",\"grantedAmount\":-5,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                new Case(Target.DECISION, "{\"decision\":\"WITHDRAWN\",\"grantedAmount\":5,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                new Case(Target.DECISION, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-05-22\"}", "answeredOn"),
                new Case(Target.DECISION, "{\"decision\":\"GRANTED\",\"answeredOn\":\"" + TOMORROW + "\"}",
                        "answeredOn"),
                new Case(Target.DECISION, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-06-01\",\"comment\":\""
                        + "x".repeat(501) + "\"}", "comment"),
                new Case(Target.START, "{}", "startedOn"),
                new Case(Target.START, "{\"startedOn\":\"" + TOMORROW + "\"}", "startedOn"),
                new Case(Target.COMPLETE, "{\"completedOn\":\"2017-03-31\",\"certificationObtained\":\"yes\"}",
                        "certificationObtained"),
                new Case(Target.NOT_IMPLEMENTED, "{\"decidedOn\":\"2016-08-30\",\"reasons\":[]}", "reasons"),
                new Case(Target.NOT_IMPLEMENTED, "{\"decidedOn\":\"2016-08-30\"}", "reasons"),
                new Case(Target.NOT_IMPLEMENTED, "{\"decidedOn\":\"2016-08-30\",\"reasons\":[\"BAD_WEATHER\"]}",
                        "reasons[0]"),
                new Case(Target.NOT_IMPLEMENTED, "{\"reasons\":[\"OTHER\"]}", "decidedOn"));
    }

    /** The account and the project as a manager reads them, and the structure's number of projects. */
    @Override
    protected Object observe(Records records) {
        return List.of(snapshot(records, account(records.beneficiary())), snapshot(records, project(records.project())),
                as(TestTokens.manager(records.structure())).get("/api/v1/cpf/training-projects").then()
                        .statusCode(200).extract().<Integer>path("total"));
    }

    /** An unknown unit, an amount that is no number and a missing date: the one answer names all three. */
    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        UUID structure = UUID.randomUUID();
        as(TestTokens.counsellor(structure)).contentType("application/json")
                .body("{\"unit\":\"DAYS\",\"amount\":\"a lot\"}")
                .put(account(UUID.randomUUID()) + "/balance")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("3 fields are invalid"))
                .body("violations.field", contains("amount", "asOf", "unit"));
    }

    @Override
    protected Response send(Case input, Records records) {
        Target target = input.target();
        String body = input.body();
        String path = switch (target) {
            case PRESENTATION -> account(records.beneficiary()) + "/presentation";
            case OPENING -> account(records.beneficiary()) + "/opening-assistance";
            case CONSENT -> account(records.beneficiary()) + "/consents";
            case WITHDRAWAL -> account(records.beneficiary()) + "/consents/withdrawal";
            case BALANCE -> account(records.beneficiary()) + "/balance";
            case PROJECT -> "/api/v1/cpf/training-projects";
            case FUNDING -> project(records.project()) + "/funding-requests";
            case DECISION -> project(records.project()) + "/funding-requests/" + records.request() + "/decision";
            case START -> project(records.project()) + "/start";
            case COMPLETE -> project(records.project()) + "/complete";
            case NOT_IMPLEMENTED -> project(records.project()) + "/not-implemented";
        };
        String requestBody = target == Target.PROJECT
                ? body.replace("00000000-0000-4000-8000-000000000001", records.beneficiary().toString()) : body;
        var request = as(TestTokens.counsellor(records.structure())).body(requestBody);
        return switch (target) {
            case PRESENTATION, OPENING, BALANCE -> request.put(path);
            default -> request.post(path);
        };
    }

    private static String snapshot(Records records, String path) {
        return as(TestTokens.manager(records.structure())).get(path).then().statusCode(200).extract().asString();
    }
}
