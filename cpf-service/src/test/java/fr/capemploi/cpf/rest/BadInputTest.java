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

    /** The beneficiary a PROJECT body names, replaced by the records' own when sent. */
    private static final String BENEFICIARY_IN_BODY = "00000000-0000-4000-8000-000000000001";

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

    /**
     * target | field the refusal names | body; a PROJECT row edits the valid project body instead ({@code field =
     * JSON value}, or a field alone to leave it out).
     */
    @Override
    protected Stream<Case> cases() {
        String project = Fixtures.projectBody(UUID.fromString(BENEFICIARY_IN_BODY));
        return table(3, """
                PRESENTATION    | presentedOn           | {"presentedOn":"{future}"}
                PRESENTATION    | counsellorId          | {"presentedOn":"2016-05-02","counsellorId":"x"}
                OPENING         | step                  | {"on":"2016-05-02"}
                OPENING         | step                  | {"step":"HELPED","on":"2016-05-02"}
                OPENING         | on                    | {"step":"ASSISTED"}
                CONSENT         | modality              | {"givenOn":"2016-05-17"}
                CONSENT         | modality              | {"givenOn":"2016-05-17","modality":"ORAL"}
                CONSENT         | givenOn               | {"givenOn":"{future}","modality":"SIGNED_STANDARD_LETTER"}
                WITHDRAWAL      | withdrawnOn           | {}
                WITHDRAWAL      | withdrawnOn           | {"withdrawnOn":"2016-13-01"}
                BALANCE         | amount                | {"unit":"EUROS","amount":-1,"asOf":"2020-01-01"}
                BALANCE         | amount                | {"unit":"EUROS","amount":1.005,"asOf":"2020-01-01"}
                BALANCE         | amount                | {"unit":"EUROS","amount":"a lot","asOf":"2020-01-01"}
                BALANCE         | unit                  | {"unit":"DAYS","amount":1,"asOf":"2020-01-01"}
                BALANCE         | asOf                  | {"unit":"EUROS","amount":1}
                BALANCE         | unit                  | {"unit":"HOURS","amount":24,"asOf":"2020-01-01"}
                PROJECT         | beneficiaryId         | beneficiaryId
                PROJECT         | cost                  | cost = -1
                PROJECT         | cost                  | cost = 10.999
                PROJECT         | cost                  | cost = 100000000
                PROJECT         | endDate               | endDate = "2016-09-11"
                PROJECT         | hours                 | hours = 0
                PROJECT         | hours                 | hours = 10001
                PROJECT         | title                 | title = " "
                PROJECT         | certification.kind    | certification.kind = "DIPLOMA"
                PROJECT         | certification.code    | certification.code = "RS1234"
                PROJECT         | certification.code    | certification.code = "rncp 1234"
                PROJECT         | eligibilityList       | eligibilityList = "X"
                PROJECT         | eligibilityRegion     | eligibilityRegion = null
                PROJECT         | eligibilityRegion     | eligibilityRegion = "1A"
                PROJECT         | eligibilityRegion     | eligibilityList = "NONE"
                PROJECT         | trainingBody.name     | trainingBody.name = ""
                PROJECT         | trainingBody.siret    | trainingBody.siret = "123"
                PROJECT         | startDate             | startDate
                FUNDING         | funder                | {"funder":"BANK","amount":10,"requestedOn":"2016-05-23"}
                FUNDING         | funder                | {"amount":10,"requestedOn":"2016-05-23"}
                FUNDING         | amount                | {"funder":"REGION","amount":-10,"requestedOn":"2016-05-23"}
                FUNDING         | amount                | {"funder":"REGION","amount":0,"requestedOn":"2016-05-23"}
                FUNDING         | amount                | {"funder":"REGION","amount":9999,"requestedOn":"2016-05-23"}
                FUNDING         | cpfHours              | {"funder":"REGION","amount":10,"cpfHours":24,"requestedOn":"2016-05-23"}
                FUNDING         | cpfHours              | {"funder":"CPF","amount":10,"cpfHours":-2,"requestedOn":"2016-05-23"}
                FUNDING         | requestedOn           | {"funder":"REGION","amount":10,"requestedOn":"{future}"}
                DECISION        | decision              | {"decision":"MAYBE","answeredOn":"2016-06-01"}
                DECISION        | decision              | {"answeredOn":"2016-06-01"}
                DECISION        | refusalReason         | {"decision":"REFUSED","answeredOn":"2016-06-01"}
                DECISION        | refusalReason         | {"decision":"REFUSED","refusalReason":"LAZY","answeredOn":"2016-06-01"}
                DECISION        | refusalReason         | {"decision":"GRANTED","refusalReason":"OTHER","answeredOn":"2016-06-01"}
                DECISION        | grantedAmount         | {"decision":"PARTLY_GRANTED","answeredOn":"2016-06-01"}
                DECISION        | grantedAmount         | {"decision":"PARTLY_GRANTED","grantedAmount":1000.00,"answeredOn":"2016-06-01"}
                DECISION        | grantedAmount         | {"decision":"GRANTED","grantedAmount":900.00,"answeredOn":"2016-06-01"}
                DECISION        | grantedAmount         | {"decision":"PARTLY_GRANTED","grantedAmount":-5,"answeredOn":"2016-06-01"}
                DECISION        | grantedAmount         | {"decision":"WITHDRAWN","grantedAmount":5,"answeredOn":"2016-06-01"}
                DECISION        | answeredOn            | {"decision":"GRANTED","answeredOn":"2016-05-22"}
                DECISION        | answeredOn            | {"decision":"GRANTED","answeredOn":"{future}"}
                DECISION        | comment               | {"decision":"GRANTED","answeredOn":"2016-06-01","comment":"{x*501}"}
                START           | startedOn             | {}
                START           | startedOn             | {"startedOn":"{future}"}
                COMPLETE        | certificationObtained | {"completedOn":"2017-03-31","certificationObtained":"yes"}
                NOT_IMPLEMENTED | reasons               | {"decidedOn":"2016-08-30","reasons":[]}
                NOT_IMPLEMENTED | reasons               | {"decidedOn":"2016-08-30"}
                NOT_IMPLEMENTED | reasons[0]            | {"decidedOn":"2016-08-30","reasons":["BAD_WEATHER"]}
                NOT_IMPLEMENTED | decidedOn             | {"reasons":["OTHER"]}
                """).map(row -> {
                    Target target = Target.valueOf(row[0]);
                    return new Case(target, target == Target.PROJECT ? edited(project, row[2]) : row[2], row[1]);
                });
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
                ? body.replace(BENEFICIARY_IN_BODY, records.beneficiary().toString()) : body;
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
