package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every field of every write: a 400 problem naming the field, and nothing stored (the account and the
 * project read the same after all the refused requests as before them, and no project appeared). Each test stands
 * alone: the one that checks that nothing was stored sends every bad request itself, against records of its own.
 */
@QuarkusTest
class BadInputTest {

    private static final String TOMORROW = LocalDate.now().plusDays(2).toString();
    private static Records shared;

    /** One structure's beneficiary, training project and funding request: what the bad requests aim at. */
    record Records(UUID structure, UUID beneficiary, UUID project, UUID request) {

        static Records create() {
            UUID structure = UUID.randomUUID();
            UUID beneficiary = Fixtures.knownBeneficiary(structure);
            UUID project = Fixtures.createProject(structure, beneficiary);
            return new Records(structure, beneficiary, project,
                    Fixtures.requestFunding(structure, project, "AGEFIPH", "1000.00"));
        }
    }

    private static synchronized Records shared() {
        if (shared == null) {
            shared = Records.create();
        }
        return shared;
    }

    enum Target {
        PRESENTATION, OPENING, CONSENT, WITHDRAWAL, BALANCE, PROJECT, FUNDING, DECISION, START, COMPLETE, NOT_IMPLEMENTED
    }

    static Stream<Arguments> badInputs() {
        String project = Fixtures.projectBody(UUID.fromString("00000000-0000-4000-8000-000000000001"));
        return Stream.of(
                Arguments.of(Target.PRESENTATION, "{\"presentedOn\":\"" + TOMORROW + "\"}", "presentedOn"),
                Arguments.of(Target.PRESENTATION, "{\"presentedOn\":\"2016-05-02\",\"counsellorId\":\"x\"}", "counsellorId"),
                Arguments.of(Target.OPENING, "{\"on\":\"2016-05-02\"}", "step"),
                Arguments.of(Target.OPENING, "{\"step\":\"HELPED\",\"on\":\"2016-05-02\"}", "step"),
                Arguments.of(Target.OPENING, "{\"step\":\"ASSISTED\"}", "on"),
                Arguments.of(Target.CONSENT, "{\"givenOn\":\"2016-05-17\"}", "modality"),
                Arguments.of(Target.CONSENT, "{\"givenOn\":\"2016-05-17\",\"modality\":\"ORAL\"}", "modality"),
                Arguments.of(Target.CONSENT, "{\"givenOn\":\"" + TOMORROW + "\",\"modality\":\"SIGNED_STANDARD_LETTER\"}",
                        "givenOn"),
                Arguments.of(Target.WITHDRAWAL, "{}", "withdrawnOn"),
                Arguments.of(Target.WITHDRAWAL, "{\"withdrawnOn\":\"2016-13-01\"}", "withdrawnOn"),
                Arguments.of(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":-1,\"asOf\":\"2020-01-01\"}", "amount"),
                Arguments.of(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":1.005,\"asOf\":\"2020-01-01\"}", "amount"),
                Arguments.of(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":\"a lot\",\"asOf\":\"2020-01-01\"}", "amount"),
                Arguments.of(Target.BALANCE, "{\"unit\":\"DAYS\",\"amount\":1,\"asOf\":\"2020-01-01\"}", "unit"),
                Arguments.of(Target.BALANCE, "{\"unit\":\"EUROS\",\"amount\":1}", "asOf"),
                Arguments.of(Target.BALANCE, "{\"unit\":\"HOURS\",\"amount\":24,\"asOf\":\"2020-01-01\"}", "unit"),
                Arguments.of(Target.PROJECT, project.replace("\"beneficiaryId\":\"00000000-0000-4000-8000-000000000001\",",
                        ""), "beneficiaryId"),
                Arguments.of(Target.PROJECT, project.replace("\"cost\":4830.50", "\"cost\":-1"), "cost"),
                Arguments.of(Target.PROJECT, project.replace("\"cost\":4830.50", "\"cost\":10.999"), "cost"),
                Arguments.of(Target.PROJECT, project.replace("\"cost\":4830.50", "\"cost\":100000000"), "cost"),
                Arguments.of(Target.PROJECT, project.replace("\"endDate\":\"2017-03-31\"", "\"endDate\":\"2016-09-11\""),
                        "endDate"),
                Arguments.of(Target.PROJECT, project.replace("\"hours\":420", "\"hours\":0"), "hours"),
                Arguments.of(Target.PROJECT, project.replace("\"hours\":420", "\"hours\":10001"), "hours"),
                Arguments.of(Target.PROJECT, project.replace("Titre professionnel Secrétaire assistant", " "), "title"),
                Arguments.of(Target.PROJECT, project.replace("\"kind\":\"RNCP\"", "\"kind\":\"DIPLOMA\""),
                        "certification.kind"),
                Arguments.of(Target.PROJECT, project.replace("\"code\":\"RNCP1234\"", "\"code\":\"RS1234\""),
                        "certification.code"),
                Arguments.of(Target.PROJECT, project.replace("\"code\":\"RNCP1234\"", "\"code\":\"rncp 1234\""),
                        "certification.code"),
                Arguments.of(Target.PROJECT, project.replace("\"eligibilityList\":\"COPAREF\"", "\"eligibilityList\":\"X\""),
                        "eligibilityList"),
                Arguments.of(Target.PROJECT, project.replace("\"eligibilityRegion\":\"11\"", "\"eligibilityRegion\":null"),
                        "eligibilityRegion"),
                Arguments.of(Target.PROJECT, project.replace("\"eligibilityRegion\":\"11\"", "\"eligibilityRegion\":\"1A\""),
                        "eligibilityRegion"),
                Arguments.of(Target.PROJECT, project.replace("\"eligibilityList\":\"COPAREF\"", "\"eligibilityList\":\"NONE\""),
                        "eligibilityRegion"),
                Arguments.of(Target.PROJECT, project.replace("\"name\":\"AFPA Paris\"", "\"name\":\"\""),
                        "trainingBody.name"),
                Arguments.of(Target.PROJECT, project.replace("\"siret\":\"12345678901234\"", "\"siret\":\"123\""),
                        "trainingBody.siret"),
                Arguments.of(Target.PROJECT, project.replace("\"startDate\":\"2016-09-12\",", ""), "startDate"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"BANK\",\"amount\":10,\"requestedOn\":\"2016-05-23\"}", "funder"),
                Arguments.of(Target.FUNDING, "{\"amount\":10,\"requestedOn\":\"2016-05-23\"}", "funder"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":-10,\"requestedOn\":\"2016-05-23\"}",
                        "amount"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":0,\"requestedOn\":\"2016-05-23\"}",
                        "amount"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":9999,\"requestedOn\":\"2016-05-23\"}",
                        "amount"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":10,\"cpfHours\":24,"
                        + "\"requestedOn\":\"2016-05-23\"}", "cpfHours"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"CPF\",\"amount\":10,\"cpfHours\":-2,"
                        + "\"requestedOn\":\"2016-05-23\"}", "cpfHours"),
                Arguments.of(Target.FUNDING, "{\"funder\":\"REGION\",\"amount\":10,\"requestedOn\":\"" + TOMORROW + "\"}",
                        "requestedOn"),
                Arguments.of(Target.DECISION, "{\"decision\":\"MAYBE\",\"answeredOn\":\"2016-06-01\"}", "decision"),
                Arguments.of(Target.DECISION, "{\"answeredOn\":\"2016-06-01\"}", "decision"),
                Arguments.of(Target.DECISION, "{\"decision\":\"REFUSED\",\"answeredOn\":\"2016-06-01\"}", "refusalReason"),
                Arguments.of(Target.DECISION, "{\"decision\":\"REFUSED\",\"refusalReason\":\"LAZY\","
                        + "\"answeredOn\":\"2016-06-01\"}", "refusalReason"),
                Arguments.of(Target.DECISION, "{\"decision\":\"GRANTED\",\"refusalReason\":\"OTHER\","
                        + "\"answeredOn\":\"2016-06-01\"}", "refusalReason"),
                Arguments.of(Target.DECISION, "{\"decision\":\"PARTLY_GRANTED\",\"answeredOn\":\"2016-06-01\"}",
                        "grantedAmount"),
                Arguments.of(Target.DECISION, "{\"decision\":\"PARTLY_GRANTED\",\"grantedAmount\":1000.00,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                Arguments.of(Target.DECISION, "{\"decision\":\"GRANTED\",\"grantedAmount\":900.00,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                Arguments.of(Target.DECISION, "{\"decision\":\"PARTLY_GRANTED\",\"grantedAmount\":-5,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                Arguments.of(Target.DECISION, "{\"decision\":\"WITHDRAWN\",\"grantedAmount\":5,"
                        + "\"answeredOn\":\"2016-06-01\"}", "grantedAmount"),
                Arguments.of(Target.DECISION, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-05-22\"}", "answeredOn"),
                Arguments.of(Target.DECISION, "{\"decision\":\"GRANTED\",\"answeredOn\":\"" + TOMORROW + "\"}",
                        "answeredOn"),
                Arguments.of(Target.DECISION, "{\"decision\":\"GRANTED\",\"answeredOn\":\"2016-06-01\",\"comment\":\""
                        + "x".repeat(501) + "\"}", "comment"),
                Arguments.of(Target.START, "{}", "startedOn"),
                Arguments.of(Target.START, "{\"startedOn\":\"" + TOMORROW + "\"}", "startedOn"),
                Arguments.of(Target.COMPLETE, "{\"completedOn\":\"2017-03-31\",\"certificationObtained\":\"yes\"}",
                        "certificationObtained"),
                Arguments.of(Target.NOT_IMPLEMENTED, "{\"decidedOn\":\"2016-08-30\",\"reasons\":[]}", "reasons"),
                Arguments.of(Target.NOT_IMPLEMENTED, "{\"decidedOn\":\"2016-08-30\"}", "reasons"),
                Arguments.of(Target.NOT_IMPLEMENTED, "{\"decidedOn\":\"2016-08-30\",\"reasons\":[\"BAD_WEATHER\"]}",
                        "reasons[0]"),
                Arguments.of(Target.NOT_IMPLEMENTED, "{\"reasons\":[\"OTHER\"]}", "decidedOn"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badInputs")
    void badInputIsRefusedNamingTheField(Target target, String body, String field) {
        send(shared(), target, body).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    /** Every bad request of {@link #badInputs()} on records of this test's own: they read as before, no project appeared. */
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

    @Test
    void refusedRequestsStoreNothing() {
        Records records = Records.create();
        String accountBefore = snapshot(records, account(records.beneficiary()));
        String projectBefore = snapshot(records, project(records.project()));

        List<String> notRefused = badInputs().map(Arguments::get)
                .filter(input -> send(records, (Target) input[0], (String) input[1]).statusCode() != 400)
                .map(input -> input[0] + ": " + input[2]).toList();

        assertThat(notRefused).as("bad requests that were not refused").isEmpty();
        assertThat(snapshot(records, account(records.beneficiary()))).isEqualTo(accountBefore);
        assertThat(snapshot(records, project(records.project()))).isEqualTo(projectBefore);
        assertThat(as(TestTokens.manager(records.structure())).get("/api/v1/cpf/training-projects").then()
                .statusCode(200).extract().<Integer>path("total")).isEqualTo(1);
    }

    private static Response send(Records records, Target target, String body) {
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
