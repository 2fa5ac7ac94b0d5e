package fr.capemploi.cpf.rest;

import static fr.capemploi.cpf.rest.Fixtures.account;
import static fr.capemploi.cpf.rest.Fixtures.as;
import static fr.capemploi.cpf.rest.Fixtures.project;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.AnnouncedInBatches;
import fr.capemploi.testsupport.AuthorizationMatrixHarness;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.MatrixCaller;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every operation against every kind of caller (the test-support harness's checks). Callers who may act get fresh
 * records of their own structure, so that each allowed call succeeds on its own; the others all aim at one shared set
 * of records, and the harness's {@code refusedCallsChangeNothing} sends every refused call again on records of its
 * own, which must come out unchanged.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixHarness<AuthorizationMatrixTest.Operation,
        AuthorizationMatrixTest.Target> {

    private static final UUID STRUCTURE = UUID.randomUUID();

    /** Records an operation works on. */
    record Target(UUID beneficiary, UUID project, UUID fundingRequest) {
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

    @Override
    protected List<Operation> operations() {
        return List.of(Operation.values());
    }

    @Override
    protected Set<MatrixCaller> callers() {
        return EnumSet.of(MatrixCaller.OWN_COUNSELLOR, MatrixCaller.OWN_MANAGER, MatrixCaller.OTHER_COUNSELLOR,
                MatrixCaller.OTHER_MANAGER, MatrixCaller.COUNSELLOR_WITHOUT_STRUCTURE, MatrixCaller.ANALYST,
                MatrixCaller.PARTNER, MatrixCaller.ADMIN, MatrixCaller.NO_TOKEN, MatrixCaller.EXPIRED_TOKEN,
                MatrixCaller.FOREIGN_KEY_TOKEN);
    }

    /** A beneficiary with a consent, a started project and a funding request. */
    @Override
    protected Target newTarget() {
        UUID beneficiary = Fixtures.knownBeneficiary(STRUCTURE);
        Fixtures.giveConsent(STRUCTURE, beneficiary, "2016-05-10");
        UUID project = Fixtures.createProject(STRUCTURE, beneficiary);
        UUID request = Fixtures.requestFunding(STRUCTURE, project, "AGEFIPH", "1000.00");
        as(TestTokens.counsellor(STRUCTURE)).body("{\"startedOn\":\"2016-09-12\"}").post(project(project) + "/start")
                .then().statusCode(200);
        return new Target(beneficiary, project, request);
    }

    @Override
    protected boolean changes(Operation operation) {
        return operation.structureBound();
    }

    @Override
    protected UUID structureOf(Target target) {
        return STRUCTURE;
    }

    @Override
    protected Response call(Operation operation, RequestSpecification request, Target target) {
        return operation.call.on(request.contentType(ContentType.JSON), target);
    }

    @Override
    protected Object observe(Target target) {
        return List.of(snapshot(account(target.beneficiary())), snapshot(project(target.project())));
    }

    @Override
    protected void check(Operation operation, MatrixCaller caller, Response response, Target target) {
        if (operation == Operation.LIST_PROJECTS && caller.own()) {
            assertThat(JsonAnswer.texts(response, "/items", "structureId")).containsOnly(STRUCTURE.toString());
        }
        if (operation == Operation.LIST_PROJECTS && response.statusCode() == 200 && !caller.own()) {
            assertThat(JsonAnswer.texts(response, "/items", "id")).doesNotContain(target.project().toString());
        }
    }

    @Override
    protected int expected(Operation operation, MatrixCaller caller) {
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
        if (caller == MatrixCaller.COUNSELLOR_WITHOUT_STRUCTURE) {
            return 403;
        }
        // another structure: its records do not exist for the caller (404 unknown-reference, path or body alike), its
        // list is its own
        return operation == Operation.LIST_PROJECTS ? 200 : 404;
    }

    @Override
    protected Target freshTarget(Operation operation) {
        Target shared = shared();
        return switch (operation.needs) {
            case NOTHING, BENEFICIARY, PROJECT -> shared;
            case FRESH_BENEFICIARY -> new Target(freshBeneficiary(), null, null);
            case FRESH_BENEFICIARY_WITH_CONSENT -> {
                UUID beneficiary = freshBeneficiary();
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

    /** People of the structure announced a dozen at a time, one for each write that needs one of its own. */
    private final AnnouncedInBatches people = new AnnouncedInBatches(12,
            () -> Fixtures.announceBeneficiary(STRUCTURE));

    /** A person of the structure nobody else uses, known to the service. */
    private UUID freshBeneficiary() {
        UUID beneficiary = people.next();
        Fixtures.awaitKnown(beneficiary, STRUCTURE);
        return beneficiary;
    }

    private static String snapshot(String path) {
        return as(TestTokens.manager(STRUCTURE)).get(path).then().statusCode(200).extract().asString();
    }
}
