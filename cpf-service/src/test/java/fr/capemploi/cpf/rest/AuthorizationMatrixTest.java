package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.platform.security.Roles;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation against every kind of caller. Callers who may act get fresh records of their own structure, so
 * that each allowed call succeeds on its own; the others all aim at one shared set of records, which must come out
 * of the matrix unchanged (checked once at the end, as every refused call aims at them).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final UUID STRUCTURE = UUID.randomUUID();
    private static final UUID OTHER_STRUCTURE = UUID.randomUUID();

    /** Records an operation works on. */
    record Target(UUID beneficiary, UUID project, UUID fundingRequest) {
    }

    enum CallerKind {
        OWN_COUNSELLOR, OWN_MANAGER, OTHER_COUNSELLOR, OTHER_MANAGER, COUNSELLOR_WITHOUT_STRUCTURE, ANALYST, PARTNER,
        ADMIN, NO_TOKEN, EXPIRED_TOKEN, FOREIGN_KEY_TOKEN;

        boolean own() {
            return this == OWN_COUNSELLOR || this == OWN_MANAGER;
        }

        String token() {
            return switch (this) {
                case OWN_COUNSELLOR -> TestTokens.counsellor(STRUCTURE);
                case OWN_MANAGER -> TestTokens.manager(STRUCTURE);
                case OTHER_COUNSELLOR -> TestTokens.counsellor(OTHER_STRUCTURE);
                case OTHER_MANAGER -> TestTokens.manager(OTHER_STRUCTURE);
                case COUNSELLOR_WITHOUT_STRUCTURE -> TestTokens.forRole(Roles.COUNSELLOR, null);
                case ANALYST -> TestTokens.analyst();
                case PARTNER -> TestTokens.partner();
                case ADMIN -> TestTokens.admin();
                case NO_TOKEN -> null;
                case EXPIRED_TOKEN -> TestTokens.expired(Roles.COUNSELLOR, STRUCTURE);
                case FOREIGN_KEY_TOKEN -> TestTokens.signedByAnotherKey(Roles.COUNSELLOR, STRUCTURE);
            };
        }
    }

    /** What an operation needs prepared, how it is called, and what an allowed caller gets. */
    enum Operation {
        GET_ACCOUNT(Needs.BENEFICIARY, 200, (r, t) -> r.get(account(t.beneficiary()))),
        PRESENT(Needs.FRESH_BENEFICIARY, 200, (r, t) -> r.body("{\"presentedOn\":\"2016-05-02\"}")
                .put(account(t.beneficiary()) + "/presentation")),
        OPENING(Needs.FRESH_BENEFICIARY, 200, (r, t) -> r.body("{\"step\":\"ASSISTED\",\"on\":\"2016-05-02\"}")
                .put(account(t.beneficiary()) + "/opening-assistance")),
        GIVE_CONSENT(Needs.FRESH_BENEFICIARY, 201, (r, t) -> r.body("{\"givenOn\":\"2016-05-17\","
                + "\"modality\":\"COLLECTED_BY_POLE_EMPLOI\"}").post(account(t.beneficiary()) + "/consents")),
        WITHDRAW_CONSENT(Needs.FRESH_BENEFICIARY_WITH_CONSENT, 200, (r, t) -> r.body("{\"withdrawnOn\":\"2016-09-01\"}")
                .post(account(t.beneficiary()) + "/consents/withdrawal")),
        RECORD_BALANCE(Needs.FRESH_BENEFICIARY, 200, (r, t) -> r.body("{\"unit\":\"EUROS\",\"amount\":500,"
                + "\"asOf\":\"2020-04-01\"}").put(account(t.beneficiary()) + "/balance")),
        SIMULATE(Needs.NOTHING, 200, (r, t) -> r.body("{\"years\":[{\"year\":2019,\"hoursWorked\":1607}]}")
                .post("/api/v1/cpf/rights/simulations")),
        CREATE_PROJECT(Needs.BENEFICIARY, 201, (r, t) -> r.body(Fixtures.projectBody(t.beneficiary()))
                .post("/api/v1/cpf/training-projects")),
        LIST_PROJECTS(Needs.NOTHING, 200, (r, t) -> r.get("/api/v1/cpf/training-projects")),
        GET_PROJECT(Needs.PROJECT, 200, (r, t) -> r.get(project(t.project()))),
        REQUEST_FUNDING(Needs.FRESH_PROJECT, 201, (r, t) -> r.body("{\"funder\":\"OPCA\",\"amount\":100.00,"
                + "\"requestedOn\":\"2016-05-23\"}").post(project(t.project()) + "/funding-requests")),
        DECIDE_FUNDING(Needs.FRESH_FUNDING_REQUEST, 200, (r, t) -> r.body("{\"decision\":\"GRANTED\","
                + "\"answeredOn\":\"2016-06-06\"}").post(project(t.project()) + "/funding-requests/"
                + t.fundingRequest() + "/decision")),
        START(Needs.FRESH_PROJECT, 200, (r, t) -> r.body("{\"startedOn\":\"2016-09-12\"}")
                .post(project(t.project()) + "/start")),
        COMPLETE(Needs.FRESH_STARTED_PROJECT, 200, (r, t) -> r.body("{\"completedOn\":\"2017-03-31\"}")
                .post(project(t.project()) + "/complete")),
        NOT_IMPLEMENTED(Needs.FRESH_PROJECT, 200, (r, t) -> r.body("{\"decidedOn\":\"2016-08-30\","
                + "\"reasons\":[\"COST_TOO_HIGH\"]}").post(project(t.project()) + "/not-implemented"));

        final Needs needs;
        final int success;
        final Call call;

        Operation(Needs needs, int success, Call call) {
            this.needs = needs;
            this.success = success;
            this.call = call;
        }

        boolean structureBound() {
            return this != SIMULATE;
        }
    }

    enum Needs {
        NOTHING, BENEFICIARY, FRESH_BENEFICIARY, FRESH_BENEFICIARY_WITH_CONSENT, PROJECT, FRESH_PROJECT,
        FRESH_FUNDING_REQUEST, FRESH_STARTED_PROJECT
    }

    @FunctionalInterface
    interface Call {
        Response on(RequestSpecification request, Target target);
    }

    private Target shared;
    private String sharedAccount;
    private String sharedProject;

    /** Run by the first test: RestAssured knows the application's port only once a test runs. */
    private synchronized void prepareSharedRecords() {
        if (shared != null) {
            return;
        }
        port = io.restassured.RestAssured.port;
        UUID beneficiary = Fixtures.knownBeneficiary(STRUCTURE);
        Fixtures.giveConsent(STRUCTURE, beneficiary, "2016-05-10");
        UUID project = Fixtures.createProject(STRUCTURE, beneficiary);
        UUID request = Fixtures.requestFunding(STRUCTURE, project, "AGEFIPH", "1000.00");
        as(TestTokens.counsellor(STRUCTURE)).body("{\"startedOn\":\"2016-09-12\"}").post(project(project) + "/start")
                .then().statusCode(200);
        shared = new Target(beneficiary, project, request);
        sharedAccount = snapshot(account(beneficiary));
        sharedProject = snapshot(project(project));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (CallerKind caller : CallerKind.values()) {
                rows.add(Arguments.of(operation, caller));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void everyOperationAnswersEveryCallerAsTheRolesSay(Operation operation, CallerKind caller) {
        prepareSharedRecords();
        int expected = expected(operation, caller);
        Target target = expected == operation.success && operation.structureBound() ? prepare(operation.needs) : shared;
        RequestSpecification request = given().contentType(ContentType.JSON);
        String token = caller.token();
        if (token != null) {
            request.auth().oauth2(token);
        }
        Response response = operation.call.on(request, target);
        assertThat(response.statusCode()).as("%s by %s: %s", operation, caller, response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        if (operation == Operation.LIST_PROJECTS && caller.own()) {
            assertThat(response.jsonPath().getList("items.structureId", String.class)).containsOnly(STRUCTURE.toString());
        }
        if (operation == Operation.LIST_PROJECTS && expected == 200 && !caller.own()) {
            assertThat(response.jsonPath().getList("items.id", String.class)).doesNotContain(shared.project().toString());
        }
    }

    /** Every refused call aimed at the shared records: they must read exactly as before the matrix. */
    @AfterAll
    void sharedRecordsAreUnchanged() {
        if (shared == null) {
            return;
        }
        assertThat(snapshot(account(shared.beneficiary()))).isEqualTo(sharedAccount);
        assertThat(snapshot(project(shared.project()))).isEqualTo(sharedProject);
    }

    private static int expected(Operation operation, CallerKind caller) {
        switch (caller) {
            case NO_TOKEN, EXPIRED_TOKEN, FOREIGN_KEY_TOKEN -> {
                return 401;
            }
            case ANALYST, ADMIN -> {
                return 403;
            }
            case PARTNER -> {
                return operation == Operation.SIMULATE ? 200 : 403;
            }
            default -> {
                // counsellors and managers
            }
        }
        if (!operation.structureBound() || caller.own()) {
            return operation.success;
        }
        if (caller == CallerKind.COUNSELLOR_WITHOUT_STRUCTURE) {
            return 403;
        }
        // another structure: its records do not exist for the caller, its list is its own
        return switch (operation) {
            case LIST_PROJECTS -> 200;
            case CREATE_PROJECT -> 422;
            default -> 404;
        };
    }

    private Target prepare(Needs needs) {
        return switch (needs) {
            case NOTHING, BENEFICIARY, PROJECT -> shared;
            case FRESH_BENEFICIARY -> new Target(Fixtures.knownBeneficiary(STRUCTURE), null, null);
            case FRESH_BENEFICIARY_WITH_CONSENT -> {
                UUID beneficiary = Fixtures.knownBeneficiary(STRUCTURE);
                Fixtures.giveConsent(STRUCTURE, beneficiary, "2016-05-10");
                yield new Target(beneficiary, null, null);
            }
            case FRESH_PROJECT -> new Target(shared.beneficiary(),
                    Fixtures.createProject(STRUCTURE, shared.beneficiary()), null);
            case FRESH_FUNDING_REQUEST -> {
                UUID project = Fixtures.createProject(STRUCTURE, shared.beneficiary());
                yield new Target(shared.beneficiary(), project,
                        Fixtures.requestFunding(STRUCTURE, project, "REGION", "500.00"));
            }
            case FRESH_STARTED_PROJECT -> {
                UUID project = Fixtures.createProject(STRUCTURE, shared.beneficiary());
                as(TestTokens.counsellor(STRUCTURE)).body("{\"startedOn\":\"2016-09-12\"}")
                        .post(project(project) + "/start").then().statusCode(200);
                yield new Target(shared.beneficiary(), project, null);
            }
        };
    }

    /** Outside a test RestAssured no longer knows the application's port: the one of the first test is kept. */
    private int port;

    private String snapshot(String path) {
        return as(TestTokens.manager(STRUCTURE)).port(port).get(path).then().statusCode(200).extract().asString();
    }
}
