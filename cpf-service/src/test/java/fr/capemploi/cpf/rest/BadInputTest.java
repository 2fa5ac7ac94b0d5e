package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every field of every write: a 400 problem naming the field, and nothing stored (the account and the
 * project read the same after all the refused requests as before them, and no project appeared).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final UUID STRUCTURE = UUID.randomUUID();
    private static final String TOMORROW = LocalDate.now().plusDays(2).toString();

    private UUID beneficiary;
    private UUID projectId;
    private UUID requestId;

    /** Run by the first test: RestAssured knows the application's port only once a test runs. */
    private synchronized void prepare() {
        if (beneficiary != null) {
            return;
        }
        beneficiary = Fixtures.knownBeneficiary(STRUCTURE);
        projectId = Fixtures.createProject(STRUCTURE, beneficiary);
        requestId = Fixtures.requestFunding(STRUCTURE, projectId, "AGEFIPH", "1000.00");
        port = io.restassured.RestAssured.port;
        accountBefore = snapshot(account(beneficiary));
        projectBefore = snapshot(project(projectId));
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
    void badInputIsRefusedNamingTheFieldAndNothingIsStored(Target target, String body, String field) {
        prepare();
        String path = switch (target) {
            case PRESENTATION -> account(beneficiary) + "/presentation";
            case OPENING -> account(beneficiary) + "/opening-assistance";
            case CONSENT -> account(beneficiary) + "/consents";
            case WITHDRAWAL -> account(beneficiary) + "/consents/withdrawal";
            case BALANCE -> account(beneficiary) + "/balance";
            case PROJECT -> "/api/v1/cpf/training-projects";
            case FUNDING -> project(projectId) + "/funding-requests";
            case DECISION -> project(projectId) + "/funding-requests/" + requestId + "/decision";
            case START -> project(projectId) + "/start";
            case COMPLETE -> project(projectId) + "/complete";
            case NOT_IMPLEMENTED -> project(projectId) + "/not-implemented";
        };
        String requestBody = target == Target.PROJECT
                ? body.replace("00000000-0000-4000-8000-000000000001", beneficiary.toString()) : body;
        var request = as(TestTokens.counsellor(STRUCTURE)).body(requestBody);
        var response = switch (target) {
            case PRESENTATION, OPENING, BALANCE -> request.put(path);
            default -> request.post(path);
        };
        response.then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    /** No refused request stored anything: the records read as before the first one, and no project appeared. */
    @AfterAll
    void nothingWasStored() {
        if (beneficiary == null) {
            return;
        }
        assertThat(snapshot(account(beneficiary))).isEqualTo(accountBefore);
        assertThat(snapshot(project(projectId))).isEqualTo(projectBefore);
        assertThat(projectCount()).isEqualTo(1);
    }

    /** Outside a test RestAssured no longer knows the application's port: the one of the first test is kept. */
    private int port;
    private String accountBefore;
    private String projectBefore;

    private String snapshot(String path) {
        return as(TestTokens.manager(STRUCTURE)).port(port).get(path).then().statusCode(200).extract().asString();
    }

    private int projectCount() {
        return as(TestTokens.manager(STRUCTURE)).port(port).get("/api/v1/cpf/training-projects").then().statusCode(200)
                .extract().path("total");
    }
}
