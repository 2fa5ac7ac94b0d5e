package fr.capemploi.beneficiary.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.AuthorizationMatrixHarness;
import fr.capemploi.testsupport.JsonAnswer;
import fr.capemploi.testsupport.MatrixCaller;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Every operation of the service, called by every kind of caller, with the status each must get. "Own" callers work
 * in the structure that holds the records; "other" callers in another structure; tokens that are absent, expired or
 * signed by an untrusted key are refused before anything else; the {@code OTHER_*_AND_*} callers carry a
 * structure-bound role of the other structure plus a national role (audit finding: such tokens lost their structure
 * scope and read the person's full record). The checks are the test-support harness's.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixHarness<AuthorizationMatrixTest.Operation,
        AuthorizationMatrixTest.Target> {

    private static final Set<MatrixCaller> CALLERS = EnumSet.of(MatrixCaller.OWN_COUNSELLOR, MatrixCaller.OWN_MANAGER,
            MatrixCaller.OTHER_COUNSELLOR, MatrixCaller.OTHER_MANAGER, MatrixCaller.ADMIN, MatrixCaller.ANALYST,
            MatrixCaller.PARTNER, MatrixCaller.NO_TOKEN, MatrixCaller.EXPIRED_TOKEN, MatrixCaller.FOREIGN_KEY_TOKEN,
            MatrixCaller.OTHER_COUNSELLOR_AND_ANALYST, MatrixCaller.OTHER_MANAGER_AND_ADMIN);

    /** The records an operation works on, made fresh for the operations that change them. */
    record Target(UUID beneficiary, UUID consent) {
    }

    record Operation(String name, boolean needsBeneficiary, BiFunction<RequestSpecification, Target, Response> call,
            Map<MatrixCaller, Integer> expected, BiConsumer<MatrixCaller, Response> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static UUID own;
    private static UUID other;
    private static UUID ownCounsellor;

    static synchronized void setUp() {
        if (own == null) {
            own = Fixtures.structure();
            other = Fixtures.structure();
            ownCounsellor = Fixtures.counsellor(own);
        }
    }

    /** Expected statuses for the seven roles; the three bad tokens always get 401. */
    private static Map<MatrixCaller, Integer> expect(int ownCounsellor, int ownManager, int otherCounsellor, int otherManager,
            int admin, int analyst, int partner) {
        Map<MatrixCaller, Integer> expected = new EnumMap<>(MatrixCaller.class);
        expected.put(MatrixCaller.OWN_COUNSELLOR, ownCounsellor);
        expected.put(MatrixCaller.OWN_MANAGER, ownManager);
        expected.put(MatrixCaller.OTHER_COUNSELLOR, otherCounsellor);
        expected.put(MatrixCaller.OTHER_MANAGER, otherManager);
        expected.put(MatrixCaller.ADMIN, admin);
        expected.put(MatrixCaller.ANALYST, analyst);
        expected.put(MatrixCaller.PARTNER, partner);
        expected.put(MatrixCaller.NO_TOKEN, 401);
        expected.put(MatrixCaller.EXPIRED_TOKEN, 401);
        expected.put(MatrixCaller.FOREIGN_KEY_TOKEN, 401);
        expected.put(MatrixCaller.OTHER_COUNSELLOR_AND_ANALYST, combined(otherCounsellor, analyst));
        expected.put(MatrixCaller.OTHER_MANAGER_AND_ADMIN, combined(otherManager, admin));
        return expected;
    }

    /**
     * A structure-bound role plus a national one: what the bound role cannot see in another structure (404) stays
     * hidden; an operation the bound role may not call at all (403) is what the national role alone would get.
     */
    private static int combined(int bound, int national) {
        return bound == 403 ? national : bound;
    }

    private static final BiConsumer<MatrixCaller, Response> NOTHING_MORE = (who, response) -> {
    };

    @Override
    protected List<Operation> operations() {
        String b = "/api/v1/beneficiaries/";
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("GET /structures", false, (r, t) -> r.get("/api/v1/structures"),
                expect(200, 200, 200, 200, 200, 200, 200), NOTHING_MORE));
        ops.add(new Operation("GET /structures/{id}", false, (r, t) -> r.get("/api/v1/structures/" + own),
                expect(200, 200, 200, 200, 200, 200, 200), NOTHING_MORE));
        ops.add(new Operation("POST /structures", false, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"code\":\"Z" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase()
                        + "\",\"name\":\"Cap emploi\",\"region\":\"53\",\"department\":\"35\","
                        + "\"registeredOn\":\"2016-01-04\"}")
                .post("/api/v1/structures"), expect(403, 403, 403, 403, 201, 403, 403), NOTHING_MORE));
        ops.add(new Operation("GET /structures/{id}/counsellors", false,
                (r, t) -> r.get("/api/v1/structures/" + own + "/counsellors"),
                expect(200, 200, 404, 404, 200, 200, 403), NOTHING_MORE));
        ops.add(new Operation("POST /structures/{id}/counsellors", false, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"displayName\":\"Nouveau conseiller\",\"activeFrom\":\"2016-01-04\"}").post("/api/v1/structures/" + own + "/counsellors"),
                expect(403, 403, 403, 403, 201, 403, 403), NOTHING_MORE));
        ops.add(new Operation("GET /counsellors/{id}", false, (r, t) -> r.get("/api/v1/counsellors/" + ownCounsellor),
                expect(200, 200, 404, 404, 200, 200, 403), NOTHING_MORE));
        ops.add(new Operation("PATCH /counsellors/{id}", false, (r, t) -> r.contentType("application/merge-patch+json")
                .header("If-Match", Fixtures.counsellorEtag(ownCounsellor))
                .body("{\"displayName\":\"Conseiller " + UUID.randomUUID().toString().substring(0, 4) + "\"}")
                .patch("/api/v1/counsellors/" + ownCounsellor), expect(403, 403, 403, 403, 200, 403, 403), NOTHING_MORE));
        ops.add(new Operation("GET /counsellors/{id}/portfolio", false,
                (r, t) -> r.get("/api/v1/counsellors/" + ownCounsellor + "/portfolio"),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("POST /beneficiaries", false, (r, t) -> {
            Map<String, Object> person = Fixtures.person();
            person.put("structureId", own.toString());
            return r.contentType(ContentType.JSON).body(Fixtures.json(person)).post("/api/v1/beneficiaries");
        }, expect(201, 201, 403, 403, 403, 403, 201), (who, response) -> {
            if (who == MatrixCaller.PARTNER) {
                assertThat(JsonAnswer.of(response).fieldNames()).toIterable().containsExactly("id");
            } else if (response.statusCode() == 201) {
                assertThat(JsonAnswer.text(response, "/nir")).isNotNull();
            }
        }));
        ops.add(new Operation("GET /beneficiaries", true, (r, t) -> r.queryParam("size", 200).get("/api/v1/beneficiaries"),
                expect(200, 200, 200, 200, 403, 403, 403), (who, response) -> {
                    List<String> ids = JsonAnswer.texts(response, "/items", "id");
                    if (who.other()) {
                        assertThat(ids).isEmpty();
                    }
                }));
        ops.add(new Operation("POST /beneficiaries/search", true, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"state\":\"ACTIVE\"}").post("/api/v1/beneficiaries/search"),
                expect(200, 200, 200, 200, 403, 403, 403), (who, response) -> {
                    List<String> ids = JsonAnswer.texts(response, "/items", "id");
                    if (who.other()) {
                        assertThat(ids).isEmpty();
                    }
                }));
        ops.add(new Operation("GET /beneficiaries/{id}", true, (r, t) -> r.get(b + t.beneficiary()),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("GET /beneficiaries/{id}/identity", true, (r, t) -> r.get(b + t.beneficiary() + "/identity"),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("PATCH /beneficiaries/{id}", true, (r, t) -> r.contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body("{\"inactivityMonths\":20}").patch(b + t.beneficiary()),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("DELETE /beneficiaries/{id}", true, (r, t) -> r.delete(b + t.beneficiary()),
                expect(403, 204, 403, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("PUT /beneficiaries/{id}/referent", true, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"counsellorId\":\"" + ownCounsellor + "\",\"assignedOn\":\"2016-10-03\"}").put(b + t.beneficiary() + "/referent"),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("POST /beneficiaries/{id}/exit", true, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"exitDate\":\"2017-01-31\",\"reason\":\"TEMPORARY_JOB\"}").post(b + t.beneficiary() + "/exit"),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("GET /beneficiaries/{id}/consents", true, (r, t) -> r.get(b + t.beneficiary() + "/consents"),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("POST /beneficiaries/{id}/consents", true, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"scope\":\"DATA_SHARING_WITH_PARTNERS\",\"givenOn\":\"2016-03-01\","
                        + "\"modality\":\"ORAL_RECORDED\"}")
                .post(b + t.beneficiary() + "/consents"), expect(201, 201, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("POST /beneficiaries/{id}/consents/{consentId}/withdrawal", true,
                (r, t) -> r.contentType(ContentType.JSON).body("{\"withdrawnOn\":\"2016-06-01\",\"modality\":\"SIGNED_FORM\"}")
                        .post(b + t.beneficiary() + "/consents/" + t.consent() + "/withdrawal"),
                expect(200, 200, 404, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("GET /beneficiaries/{id}/access-log", true, (r, t) -> r.get(b + t.beneficiary() + "/access-log"),
                expect(403, 200, 403, 404, 403, 403, 403), NOTHING_MORE));
        ops.add(new Operation("POST /beneficiaries/{id}/access-log", true, (r, t) -> r.contentType(ContentType.JSON)
                .body("{\"service\":\"cep-service\",\"kind\":\"accompaniment\",\"recordId\":\"" + UUID.randomUUID()
                        + "\"}").post(b + t.beneficiary() + "/access-log"),
                expect(204, 204, 404, 404, 403, 403, 403), NOTHING_MORE));
        return ops;
    }

    @Override
    protected Set<MatrixCaller> callers() {
        return CALLERS;
    }

    @Override
    protected int expected(Operation operation, MatrixCaller caller) {
        return operation.expected().get(caller);
    }

    /** A person of the own structure with a consent; the structures and a counsellor are made once. */
    @Override
    protected Target newTarget() {
        setUp();
        UUID beneficiary = Fixtures.beneficiary(own);
        return new Target(beneficiary, Fixtures.consent(beneficiary, own, "DATA_PROCESSING"));
    }

    /**
     * A write about a person gets a person of its own; a read (a GET, the search) reads the shared one, like every
     * other caller: what it leaves behind (a line of the person's access log) is nothing another cell looks at.
     */
    @Override
    protected boolean changes(Operation operation) {
        return operation.needsBeneficiary() && !operation.name().startsWith("GET ")
                && !operation.name().equals("POST /beneficiaries/search");
    }

    @Override
    protected UUID structureOf(Target target) {
        return own;
    }

    /** The other structure exists: a partner referral or a list of it must find it. */
    @Override
    protected UUID otherStructure() {
        setUp();
        return other;
    }

    @Override
    protected Response call(Operation operation, RequestSpecification request, Target target) {
        return operation.call().apply(request, target);
    }

    @Override
    protected void check(Operation operation, MatrixCaller caller, Response response, Target target) {
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            // a refusal says nothing of the person
            assertThat(response.asString()).doesNotContain("Durand").doesNotContain("personne@example.fr");
        }
        operation.check().accept(caller, response);
    }

    /** The person's record and consents as their structure's manager reads them. */
    @Override
    protected Object observe(Target target) {
        String b = "/api/v1/beneficiaries/" + target.beneficiary();
        return List.of(given().auth().oauth2(TestTokens.manager(own)).get(b).then()
                        .statusCode(200).extract().asString(),
                given().auth().oauth2(TestTokens.manager(own)).get(b + "/consents").then()
                        .statusCode(200).extract().asString());
    }
}
