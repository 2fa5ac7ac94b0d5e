package fr.capemploi.cep.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.AnnouncedInBatches;
import fr.capemploi.testsupport.AuthorizationMatrixHarness;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.MatrixCaller;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every operation of the service against every kind of caller (the test-support harness's checks): no token, an
 * expired one, one signed by an unknown key, each role, and counsellors and managers of the record's structure and of
 * another one. Another structure's records do not exist for a structure-bound caller (404); lists only ever show the
 * caller's own structure.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixHarness<AuthorizationMatrixTest.Operation,
        AuthorizationMatrixTest.Target> {

    private static final Set<String> STRUCTURE_ROLES = Set.of("counsellor", "manager");

    /** The records of one structure that the operations act on. */
    record Target(CepFixtures fixtures, UUID beneficiary, String diagnostic, UUID spareBeneficiary,
            String spareDiagnostic, String accompaniment, String action, String contact) {

        static Target create() {
            CepFixtures fixtures = new CepFixtures();
            UUID beneficiary = fixtures.registeredBeneficiary();
            String diagnostic = fixtures.diagnostic(beneficiary, "PROJECT_ELABORATION");
            String accompaniment = fixtures.open(beneficiary, diagnostic);
            String action = fixtures.pmsmp(accompaniment, "2016-03-14", "2016-04-08");
            fixtures.asCounsellor().body("{\"issuedOn\":\"2016-05-17\",\"project\":\"Projet\"}")
                    .post("/api/v1/cep/accompaniments/" + accompaniment + "/synthesis").then().statusCode(200);
            UUID spare = fixtures.registeredBeneficiary();
            String spareDiagnostic = fixtures.diagnostic(spare, "TRAINING_PROJECT");
            declare(fixtures);
            return new Target(fixtures, beneficiary, diagnostic, spare, spareDiagnostic, accompaniment, action,
                    fixtures.routedContact());
        }

        /** The structure's 2016 declaration, first submitted. */
        static void declare(CepFixtures fixtures) {
            given().auth().oauth2(fixtures.managerToken()).contentType(ContentType.JSON).body(DECLARATION)
                    .put("/api/v1/cep/declarations/" + fixtures.structure + "/2016").then().statusCode(201);
        }

        String base() {
            return "/api/v1/cep/accompaniments/" + accompaniment;
        }
    }

    /**
     * What an allowed write of the records' own structure needs made for it alone: a person announced, with a
     * diagnostic, an accompaniment opened from it, a PMSMP planned in it; or a structure with its declaration
     * (NOTHING: a read, which never gets records of its own; a write marked so would get a whole new target).
     */
    enum Needs {
        NOTHING, BENEFICIARY, DIAGNOSTIC, ACCOMPANIMENT, ACTION, DECLARATION
    }

    static final String DECLARATION = "{\"counsellorFte\":{\"level1Only\":0.5,\"levels2And3Only\":1.8,"
            + "\"allLevels\":6.25},\"supportFte\":1.4,\"professionalisation\":{\"actionsEngaged\":false,\"actions\":[]},"
            + "\"systematicTrainingForNewCounsellors\":true}";

    /**
     * One operation: how to call it on a target, what the caller's structure's counsellor or manager gets, and
     * whether it is a list (scoped to the caller's structure rather than refused).
     */
    record Operation(String name, String method, Function<Target, String> path, Function<Target, String> body,
            int success, Set<String> roles, boolean list, String accept, Needs needs) {

        Operation(String name, String method, Function<Target, String> path, Function<Target, String> body,
                int success, Set<String> roles, boolean list, String accept) {
            this(name, method, path, body, success, roles, list, accept, Needs.NOTHING);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    protected List<Operation> operations() {
        String json = "application/json";
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("record level-1 contact", "POST", t -> "/api/v1/cep/level1-contacts",
                t -> "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                        + "\"beneficiaryId\":\"" + t.beneficiary() + "\",\"liaisonSheetIssued\":false}",
                201, STRUCTURE_ROLES, false, json, Needs.BENEFICIARY));
        ops.add(new Operation("list level-1 contacts", "GET", t -> "/api/v1/cep/level1-contacts", t -> null, 200,
                STRUCTURE_ROLES, true, json));
        // "read level-1 contact" is proven by Level1ContactResourceAccessTest: its scoping is the resource's own
        // check (Caller.checkAccess), which needs no database to be shown for every caller
        ops.add(new Operation("record diagnostic", "POST", t -> "/api/v1/cep/diagnostics",
                t -> "{\"beneficiaryId\":\"" + t.beneficiary() + "\",\"diagnosedOn\":\"2016-02-22\","
                        + "\"workAxis\":\"JOB_SEARCH\",\"barriers\":[]}", 201, STRUCTURE_ROLES, false, json,
                Needs.BENEFICIARY));
        ops.add(new Operation("list diagnostics", "GET", t -> "/api/v1/cep/diagnostics?beneficiaryId=" + t.beneficiary(),
                t -> null, 200, STRUCTURE_ROLES, true, json));
        ops.add(new Operation("read diagnostic", "GET", t -> "/api/v1/cep/diagnostics/" + t.diagnostic(), t -> null,
                200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("open accompaniment", "POST", t -> "/api/v1/cep/accompaniments",
                t -> "{\"beneficiaryId\":\"" + t.spareBeneficiary() + "\",\"diagnosticId\":\"" + t.spareDiagnostic()
                        + "\",\"startDate\":\"2016-03-01\"}", 201, STRUCTURE_ROLES, false, json,
                Needs.DIAGNOSTIC));
        ops.add(new Operation("list accompaniments", "GET",
                t -> "/api/v1/cep/accompaniments?beneficiaryId=" + t.beneficiary(), t -> null, 200, STRUCTURE_ROLES,
                true, json));
        ops.add(new Operation("read accompaniment", "GET", Target::base, t -> null, 200, STRUCTURE_ROLES, false, json));
        ops.add(new Operation("change level", "POST", t -> t.base() + "/level",
                t -> "{\"level\":3,\"changedOn\":\"2016-04-11\"}", 200, STRUCTURE_ROLES, false, json,
                Needs.ACCOMPANIMENT));
        ops.add(new Operation("give CEP information", "POST", t -> t.base() + "/cep-information",
                t -> "{\"informedOn\":\"2016-03-01\"}", 200, STRUCTURE_ROLES, false, json, Needs.ACCOMPANIMENT));
        ops.add(new Operation("hold interview", "POST", t -> t.base() + "/interviews",
                t -> "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"VIDEO\"}", 201, STRUCTURE_ROLES,
                false, json, Needs.ACCOMPANIMENT));
        ops.add(new Operation("list interviews", "GET", t -> t.base() + "/interviews", t -> null, 200, STRUCTURE_ROLES,
                false, json));
        ops.add(new Operation("plan action", "POST", t -> t.base() + "/actions",
                t -> "{\"kind\":\"SKILLS_ASSESSMENT\",\"plannedOn\":\"2016-03-07\"}", 201, STRUCTURE_ROLES, false, json,
                Needs.ACCOMPANIMENT));
        ops.add(new Operation("list actions", "GET", t -> t.base() + "/actions", t -> null, 200, STRUCTURE_ROLES,
                false, json));
        ops.add(new Operation("read action", "GET", t -> t.base() + "/actions/" + t.action(), t -> null, 200,
                STRUCTURE_ROLES, false, json));
        ops.add(new Operation("settle action", "PATCH", t -> t.base() + "/actions/" + t.action(),
                t -> "{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}", 200, STRUCTURE_ROLES, false, json,
                Needs.ACTION));
        ops.add(new Operation("issue synthesis", "POST", t -> t.base() + "/synthesis",
                t -> "{\"issuedOn\":\"2016-05-18\",\"project\":\"Projet révisé\"}", 200, STRUCTURE_ROLES, false, json,
                Needs.ACCOMPANIMENT));
        ops.add(new Operation("close accompaniment", "POST", t -> t.base() + "/close",
                t -> "{\"closedOn\":\"2016-06-20\",\"outcome\":\"ENGAGE_PROJECT\"}", 200, STRUCTURE_ROLES, false, json,
                Needs.ACCOMPANIMENT));
        ops.add(new Operation("download dossier de synthèse", "GET", t -> t.base() + "/synthesis-document", t -> null,
                200, STRUCTURE_ROLES, false, DocumentFormats.PDF));
        ops.add(new Operation("download fiche de liaison", "GET", t -> "/api/v1/cep/liaison-sheets/" + t.contact(),
                t -> null, 200, STRUCTURE_ROLES, false, DocumentFormats.PDF));
        ops.add(new Operation("submit declaration", "PUT",
                t -> "/api/v1/cep/declarations/" + t.fixtures().structure + "/2016", t -> DECLARATION, 200,
                Set.of("manager"), false, json, Needs.DECLARATION));
        ops.add(new Operation("read declaration", "GET",
                t -> "/api/v1/cep/declarations/" + t.fixtures().structure + "/2016", t -> null, 200,
                Set.of("manager", "analyst", "admin"), false, json));
        return ops;
    }

    @Override
    protected Set<MatrixCaller> callers() {
        return EnumSet.of(MatrixCaller.NO_TOKEN, MatrixCaller.EXPIRED_TOKEN, MatrixCaller.FOREIGN_KEY_TOKEN,
                MatrixCaller.ANALYST, MatrixCaller.PARTNER, MatrixCaller.ADMIN, MatrixCaller.OTHER_COUNSELLOR,
                MatrixCaller.OTHER_MANAGER, MatrixCaller.OWN_COUNSELLOR, MatrixCaller.OWN_MANAGER);
    }

    @Override
    protected Target newTarget() {
        return Target.create();
    }

    /** People of the shared records' structure, announced a dozen at a time, one for each write that needs one. */
    private AnnouncedInBatches people;

    /**
     * Records of its own for a write, and only those its operation acts on (see {@link Needs}), in the shared
     * records' structure (whose counsellor is known): a whole new target for each of the 21 writes cost seven
     * requests and two people announced and awaited one after the other.
     */
    @Override
    protected Target freshTarget(Operation operation) {
        if (operation.needs() == Needs.NOTHING) {
            return newTarget();
        }
        CepFixtures fixtures = shared().fixtures();
        if (operation.needs() == Needs.DECLARATION) {
            CepFixtures structure = new CepFixtures();
            Target.declare(structure);
            return new Target(structure, null, null, null, null, null, null, null);
        }
        UUID person = person(fixtures);
        if (operation.needs() == Needs.BENEFICIARY) {
            return new Target(fixtures, person, null, null, null, null, null, null);
        }
        // the axes of the shared records' spare diagnostic and of the one their accompaniment was opened from
        if (operation.needs() == Needs.DIAGNOSTIC) {
            return new Target(fixtures, null, null, person, fixtures.diagnostic(person, "TRAINING_PROJECT"), null,
                    null, null);
        }
        String diagnostic = fixtures.diagnostic(person, "PROJECT_ELABORATION");
        String accompaniment = fixtures.open(person, diagnostic);
        String action = operation.needs() == Needs.ACTION
                ? fixtures.pmsmp(accompaniment, "2016-03-14", "2016-04-08") : null;
        return new Target(fixtures, person, diagnostic, null, null, accompaniment, action, null);
    }

    private synchronized UUID person(CepFixtures fixtures) {
        if (people == null) {
            people = new AnnouncedInBatches(12, fixtures::registeredBeneficiary);
        }
        return people.next();
    }

    /** A write of the records' own structure gets records of its own (it may close or settle what it acts on). */
    @Override
    protected boolean changes(Operation operation) {
        return !operation.method().equals("GET");
    }

    @Override
    protected UUID structureOf(Target target) {
        return target.fixtures().structure;
    }

    @Override
    protected Response call(Operation operation, RequestSpecification request, Target target) {
        request.accept(operation.accept());
        String body = operation.body().apply(target);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(operation.method(), operation.path().apply(target));
    }

    /** A list of the caller's structure: another structure's person is not in it. */
    @Override
    protected void check(Operation operation, MatrixCaller caller, Response response, Target target) {
        if (operation.list() && response.statusCode() == 200) {
            int total = JsonAnswer.of(response).path("total").asInt();
            if (caller.own()) {
                assertThat(total).as("%s by %s", operation, caller).isGreaterThanOrEqualTo(1);
            } else {
                assertThat(total).as("%s by %s", operation, caller).isZero();
            }
        }
    }

    /** The accompaniment, the contact, the diagnostics and the declaration as the structure's manager reads them. */
    @Override
    protected Object observe(Target target) {
        List<String> seen = new ArrayList<>();
        for (String path : List.of(target.base(), "/api/v1/cep/level1-contacts",
                "/api/v1/cep/diagnostics?beneficiaryId=" + target.beneficiary(),
                "/api/v1/cep/accompaniments?beneficiaryId=" + target.spareBeneficiary(),
                "/api/v1/cep/declarations/" + target.fixtures().structure + "/2016")) {
            seen.add(given().auth().oauth2(target.fixtures().managerToken()).get(path).then().statusCode(200)
                    .extract().asString());
        }
        return seen;
    }

    @Override
    protected int expected(Operation operation, MatrixCaller caller) {
        return switch (caller) {
            case NO_TOKEN, EXPIRED_TOKEN, FOREIGN_KEY_TOKEN -> 401;
            case ANALYST -> operation.roles().contains("analyst") ? operation.success() : 403;
            case ADMIN -> operation.roles().contains("admin") ? operation.success() : 403;
            case OTHER_COUNSELLOR -> !operation.roles().contains("counsellor") ? 403 : operation.list() ? 200 : 404;
            case OTHER_MANAGER -> !operation.roles().contains("manager") ? 403 : operation.list() ? 200 : 404;
            case OWN_COUNSELLOR -> operation.roles().contains("counsellor") ? operation.success() : 403;
            case OWN_MANAGER -> operation.roles().contains("manager") ? operation.success() : 403;
            default -> 403;
        };
    }
}
