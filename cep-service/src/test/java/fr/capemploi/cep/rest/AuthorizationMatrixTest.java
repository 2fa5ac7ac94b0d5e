package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the service against every kind of caller: no token, an expired one, one signed by an unknown
 * key, each role, and counsellors and managers of the record's structure and of another one. Another structure's
 * records do not exist for a structure-bound caller (404); lists only ever show the caller's own structure.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Set<String> STRUCTURE_ROLES = Set.of("counsellor", "manager");

    /** The records of one structure that the operations act on; reads and failed calls change nothing: shared. */
    private static Target shared;

    record Target(CepFixtures fixtures, UUID beneficiary, String diagnostic, UUID spareBeneficiary,
            String spareDiagnostic, String accompaniment, String action, String contact) {

        static Target create() {
            CepFixtures fixtures = new CepFixtures();
            UUID beneficiary = fixtures.registeredBeneficiary();
            String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
            String accompaniment = fixtures.asCounsellor().body("{\"beneficiaryId\":\"" + beneficiary
                    + "\",\"diagnosticId\":\"" + diagnostic + "\",\"startDate\":\"2016-02-29\"}")
                    .post("/api/v1/cep/accompaniments").then().statusCode(201).extract().path("id");
            String action = fixtures.pmsmp(accompaniment, "2016-03-14", "2016-04-08");
            fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Projet\"}")
                    .post("/api/v1/cep/accompaniments/" + accompaniment + "/synthesis").then().statusCode(200);
            UUID spare = fixtures.registeredBeneficiary();
            String spareDiagnostic = fixtures.diagnostic(spare, "TRAINING_PROJECT");
            given().auth().oauth2(fixtures.managerToken()).contentType(ContentType.JSON).body(DECLARATION)
                    .put("/api/v1/cep/declarations/" + fixtures.structure + "/2016").then().statusCode(201);
            return new Target(fixtures, beneficiary, diagnostic, spare, spareDiagnostic, accompaniment, action,
                    fixtures.routedContact());
        }

        String base() {
            return "/api/v1/cep/accompaniments/" + accompaniment;
        }
    }

    static final String DECLARATION = "{\"counsellorFte\":{\"level1Only\":0.5,\"levels2And3Only\":1.8,"
            + "\"allLevels\":6.25},\"supportFte\":1.4,\"professionalisation\":{\"actionsEngaged\":false,\"actions\":[]},"
            + "\"systematicTrainingForNewCounsellors\":true}";

    /**
     * One operation: how to call it on a target, what the caller's structure's counsellor or manager gets, and
     * whether it is a list (scoped to the caller's structure rather than refused).
     */
    record Operation(String name, String method, Function<Target, String> path, Function<Target, String> body,
            int success, Set<String> roles, boolean list, String accept) {

        @Override
        public String toString() {
            return name;
        }
    }

    enum CallerKind { NO_TOKEN, EXPIRED, OTHER_KEY, ANALYST, PARTNER, ADMIN, COUNSELLOR_OTHER, MANAGER_OTHER,
        COUNSELLOR_OWN, MANAGER_OWN }

    static List<Operation> operations() {
        String json = "application/json";
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("record level-1 contact", "POST", t -> "/api/v1/cep/level1-contacts",
                t -> "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                        + "\"beneficiaryId\":\"" + t.beneficiary() + "\",\"liaisonSheetIssued\":false}",
                201, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("list level-1 contacts", "GET", t -> "/api/v1/cep/level1-contacts", t -> null, 200,
                STRUCTURE_ROLES, true, json));
        // "read level-1 contact" is proven by Level1ContactResourceAccessTest: its scoping is the resource's own
        // check (Caller.checkAccess), which needs no database to be shown for every caller
        ops.add(new Operation("record diagnostic", "POST", t -> "/api/v1/cep/diagnostics",
                t -> "{\"beneficiaryId\":\"" + t.beneficiary() + "\",\"diagnosedOn\":\"2016-02-22\","
                        + "\"workAxis\":\"JOB_SEARCH\",\"barriers\":[]}", 201, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("list diagnostics", "GET", t -> "/api/v1/cep/diagnostics?beneficiaryId=" + t.beneficiary(),
                t -> null, 200, STRUCTURE_ROLES, true, json));
        ops.add(new Operation("read diagnostic", "GET", t -> "/api/v1/cep/diagnostics/" + t.diagnostic(), t -> null,
                200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("open accompaniment", "POST", t -> "/api/v1/cep/accompaniments",
                t -> "{\"beneficiaryId\":\"" + t.spareBeneficiary() + "\",\"diagnosticId\":\"" + t.spareDiagnostic()
                        + "\",\"startDate\":\"2016-03-01\"}", 201, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("list accompaniments", "GET",
                t -> "/api/v1/cep/accompaniments?beneficiaryId=" + t.beneficiary(), t -> null, 200, STRUCTURE_ROLES,
                true, json));
        ops.add(new Operation("read accompaniment", "GET", Target::base, t -> null, 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("change level", "POST", t -> t.base() + "/level",
                t -> "{\"level\":3,\"changedOn\":\"2016-04-11\"}", 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("give CEP information", "POST", t -> t.base() + "/cep-information",
                t -> "{\"informedOn\":\"2016-03-01\"}", 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("hold interview", "POST", t -> t.base() + "/interviews",
                t -> "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"VIDEO\"}", 201, STRUCTURE_ROLES,
                false, json));
        ops.add(new Operation("list interviews", "GET", t -> t.base() + "/interviews", t -> null, 200, STRUCTURE_ROLES,
                false, json));
        ops.add(new Operation("plan action", "POST", t -> t.base() + "/actions",
                t -> "{\"kind\":\"SKILLS_ASSESSMENT\",\"plannedOn\":\"2016-03-07\"}", 201, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("list actions", "GET", t -> t.base() + "/actions", t -> null, 200, STRUCTURE_ROLES,
                false, json));
        ops.add(new Operation("read action", "GET", t -> t.base() + "/actions/" + t.action(), t -> null, 200,
                STRUCTURE_ROLES, false, json));
        ops.add(new Operation("settle action", "PATCH", t -> t.base() + "/actions/" + t.action(),
                t -> "{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}", 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("issue synthesis", "POST", t -> t.base() + "/synthesis",
                t -> "{\"issuedOn\":\"2016-05-18\",\"project\":\"Projet révisé\"}", 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("close accompaniment", "POST", t -> t.base() + "/close",
                t -> "{\"closedOn\":\"2016-06-20\",\"outcome\":\"ENGAGE_PROJECT\"}", 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("download dossier de synthèse", "GET", t -> t.base() + "/synthesis-document", t -> null,
                200, STRUCTURE_ROLES, false, DocumentFormats.PDF));
        ops.add(new Operation("download fiche de liaison", "GET", t -> "/api/v1/cep/liaison-sheets/" + t.contact(),
                t -> null, 200, STRUCTURE_ROLES, false, DocumentFormats.PDF));
        ops.add(new Operation("submit declaration", "PUT",
                t -> "/api/v1/cep/declarations/" + t.fixtures().structure + "/2016", t -> DECLARATION, 200,
                Set.of("manager"), false, json));
        ops.add(new Operation("read declaration", "GET",
                t -> "/api/v1/cep/declarations/" + t.fixtures().structure + "/2016", t -> null, 200,
                Set.of("manager", "analyst", "admin"), false, json));
        return ops;
    }

    static Stream<Arguments> matrix() {
        return operations().stream().flatMap(op -> Stream.of(CallerKind.values()).map(caller -> Arguments.of(op, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void everyOperationAnswersEveryCallerAsTheRolesSay(Operation operation, CallerKind caller) {
        boolean own = caller == CallerKind.COUNSELLOR_OWN || caller == CallerKind.MANAGER_OWN;
        // a write of the records' own structure gets records of its own (it may close or settle what it acts on);
        // reads change nothing and, like every refused call, use the shared records
        Target target = own && !operation.method().equals("GET") ? Target.create() : shared();
        String token = token(caller, target.fixtures().structure);
        RequestSpecification request = given().accept(operation.accept());
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        String body = operation.body().apply(target);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        ValidatableResponse response = request.request(operation.method(), operation.path().apply(target)).then();

        int expected = expected(operation, caller);
        response.statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json");
        } else if (operation.list()) {
            // a list of the caller's structure: another structure's person is not in it
            response.body("total", own ? greaterThanOrEqualTo(1) : equalTo(0));
        }
    }

    private static int expected(Operation operation, CallerKind caller) {
        return switch (caller) {
            case NO_TOKEN, EXPIRED, OTHER_KEY -> 401;
            case ANALYST -> operation.roles().contains("analyst") ? operation.success() : 403;
            case ADMIN -> operation.roles().contains("admin") ? operation.success() : 403;
            case PARTNER -> 403;
            case COUNSELLOR_OTHER -> !operation.roles().contains("counsellor") ? 403 : operation.list() ? 200 : 404;
            case MANAGER_OTHER -> !operation.roles().contains("manager") ? 403 : operation.list() ? 200 : 404;
            case COUNSELLOR_OWN -> operation.roles().contains("counsellor") ? operation.success() : 403;
            case MANAGER_OWN -> operation.roles().contains("manager") ? operation.success() : 403;
        };
    }

    private static String token(CallerKind caller, UUID structure) {
        UUID other = UUID.randomUUID();
        return switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED -> TestTokens.expired("manager", structure);
            case OTHER_KEY -> TestTokens.signedByAnotherKey("manager", structure);
            case ANALYST -> TestTokens.analyst();
            case PARTNER -> TestTokens.partner();
            case ADMIN -> TestTokens.admin();
            case COUNSELLOR_OTHER -> TestTokens.counsellor(other);
            case MANAGER_OTHER -> TestTokens.manager(other);
            case COUNSELLOR_OWN -> TestTokens.counsellor(structure);
            case MANAGER_OWN -> TestTokens.manager(structure);
        };
    }

    private static synchronized Target shared() {
        if (shared == null) {
            shared = Target.create();
        }
        return shared;
    }
}
