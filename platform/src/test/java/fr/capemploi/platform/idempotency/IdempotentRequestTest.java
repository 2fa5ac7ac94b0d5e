package fr.capemploi.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key contract through HTTP, on the test application's widgets: a retry answers the first answer and
 * writes nothing (no row, no event), another body with the same key is refused, a failed attempt does not use the key
 * up, concurrent attempts make one record.
 */
@QuarkusTest
class IdempotentRequestTest {

    @Inject
    EntityManager entityManager;

    @Test
    void retryGetsTheFirstAnswerAndWritesNothing() {
        String name = "idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = create(TestTokens.admin(), key, name, 0).statusCode(201).extract();
        ExtractableResponse<Response> second = create(TestTokens.admin(), key, name, 0).statusCode(201).extract();

        assertThat(first.header(IdempotentRequestInterceptor.REPLAYED)).isNull();
        assertThat(second.headers().getValues(IdempotentRequestInterceptor.REPLAYED)).containsExactly("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.<String>path("id")).isEqualTo(first.<String>path("id"));
        assertThat(second.contentType()).startsWith("application/json");
        assertThat(widgetsNamed(name)).isEqualTo(1);
        assertThat(eventsNamed(name)).isEqualTo(1);
    }

    @Test
    void withoutKeyEveryRequestCreates() {
        String name = "plain-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body(name, 0))
                    .post("/test/widgets/idempotent").then().statusCode(201);
        }
        assertThat(widgetsNamed(name)).isEqualTo(2);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        String name = "first-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        create(TestTokens.admin(), key, name, 0).statusCode(201);
        create(TestTokens.admin(), key, other, 0).statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
        assertThat(widgetsNamed(other)).isZero();
    }

    @Test
    void keysBelongToTheirCaller() {
        bothCreate(TestTokens.admin(), TestTokens.counsellor(UUID.randomUUID()));
    }

    /**
     * Audit finding: two counsellors of different structures whose tokens share a {@code upn} (as locally minted tokens
     * once did) send the same key and body: the second must get its own record, never the first one's answer.
     */
    @Test
    void sameUpnInAnotherStructureIsNeverAnsweredWithTheFirstAnswer() {
        java.time.Instant now = java.time.Instant.now();
        String upn = "counsellor@suite.local";
        bothCreate(TestTokens.custom(upn, upn, UUID.randomUUID(), now, now.plusSeconds(600), "counsellor"),
                TestTokens.custom(upn, upn, UUID.randomUUID(), now, now.plusSeconds(600), "counsellor"));
    }

    @Test
    void sameUpnWithAnotherSubjectIsAnotherCaller() {
        java.time.Instant now = java.time.Instant.now();
        bothCreate(TestTokens.custom("ops@suite.local", "alice", null, now, now.plusSeconds(600), "admin"),
                TestTokens.custom("ops@suite.local", "bob", null, now, now.plusSeconds(600), "admin"));
    }

    @Test
    void failedAttemptDoesNotUseTheKeyUp() {
        String key = UUID.randomUUID().toString();
        String name = "retry-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key)
                .contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"count\":-1,\"colour\":\"RED\"}")
                .post("/test/widgets/idempotent").then().statusCode(400);
        create(TestTokens.admin(), key, name, 0).statusCode(201).header(IdempotentRequestInterceptor.REPLAYED,
                (String) null);
        assertThat(widgetsNamed(name)).isEqualTo(1);
    }

    /**
     * A keyed use case's rows wait for its answer and are written with it: every one of them, companion rows too, in
     * the order recorded (the relay publishes in that order), and none again on a retry.
     */
    @Test
    void rowsHeldForTheAnswerAreWrittenWithItInTheOrderRecorded() {
        String key = UUID.randomUUID().toString();
        String name = "held-" + UUID.randomUUID();
        List<String> recorded = given().auth().oauth2(TestTokens.admin())
                .header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON)
                .body(body(name, 0)).post("/test/widgets/idempotent/companions").then().statusCode(201)
                .extract().jsonPath().getList("", String.class);
        ExtractableResponse<Response> retry = given().auth().oauth2(TestTokens.admin())
                .header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON)
                .body(body(name, 0)).post("/test/widgets/idempotent/companions").then().statusCode(201).extract();

        assertThat(recorded).hasSize(4).doesNotHaveDuplicates();
        assertThat(retry.jsonPath().getList("", String.class)).isEqualTo(recorded);
        assertThat(retry.headers().getValues(IdempotentRequestInterceptor.REPLAYED)).containsExactly("true");
        assertThat(widgetsNamed(name)).isEqualTo(2);
        assertThat(eventIdsNamedInOutboxOrder(name)).isEqualTo(recorded);
    }

    @Test
    void malformedKeyIsABadRequestNamingTheHeader() {
        String name = "badkey-" + UUID.randomUUID();
        create(TestTokens.admin(), "short", name, 0).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("Idempotency-Key"));
        assertThat(widgetsNamed(name)).isZero();
    }

    @Test
    void concurrentAttemptsMakeOneRecordAndGiveOneAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExtractableResponse<Response>>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> create(TestTokens.admin(), key, name, 300).extract());
            }
            List<String> ids = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(attempts)) {
                assertThat(answer.get().statusCode()).isEqualTo(201);
                ids.add(answer.get().path("id"));
            }
            assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(widgetsNamed(name)).isEqualTo(1);
        assertThat(eventsNamed(name)).isEqualTo(1);
    }

    @Test
    void operationsAnsweringARecordReplayTheRecord() {
        String id = create(TestTokens.admin(), UUID.randomUUID().toString(), "before-" + UUID.randomUUID(), 0)
                .statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        String renamed = "renamed-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(TestTokens.admin()).header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key)
                    .contentType(ContentType.JSON).body(body(renamed, 0))
                    .post("/test/widgets/idempotent/" + id + "/rename")
                    .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(id))
                    .body("name", org.hamcrest.Matchers.equalTo(renamed))
                    .header(IdempotentRequestInterceptor.REPLAYED, attempt == 0 ? null : "true");
        }
        assertThat(eventsNamed(renamed)).isEqualTo(1);
    }

    /** Typed answers (RestResponse, a record with its status declared) replay with their status, Location and body. */
    @Test
    void typedAnswersReplayTheirStatusLocationAndBody() {
        for (String operation : new String[] {"typed", "declared"}) {
            String name = operation + "-" + UUID.randomUUID();
            String key = UUID.randomUUID().toString();
            ExtractableResponse<Response> first = given().auth().oauth2(TestTokens.admin())
                    .header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON)
                    .body(body(name, 0)).post("/test/widgets/idempotent/" + operation).then().statusCode(201)
                    .extract();
            ExtractableResponse<Response> second = given().auth().oauth2(TestTokens.admin())
                    .header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON)
                    .body(body(name, 0)).post("/test/widgets/idempotent/" + operation).then().statusCode(201)
                    .extract();

            assertThat(first.header(IdempotentRequestInterceptor.REPLAYED)).as(operation).isNull();
            assertThat(second.headers().getValues(IdempotentRequestInterceptor.REPLAYED)).as(operation)
                    .containsExactly("true");
            assertThat(second.header("Location")).as(operation).isEqualTo(first.header("Location"));
            assertThat(second.<String>path("id")).as(operation).isEqualTo(first.<String>path("id"));
            assertThat(second.<String>path("name")).as(operation).isEqualTo(name);
            assertThat(widgetsNamed(name)).as(operation).isEqualTo(1);
        }
        // the typed creation's Location names the created widget under the request's path
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> created = given().auth().oauth2(TestTokens.admin())
                .header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key).contentType(ContentType.JSON)
                .body(body("located-" + key, 0)).post("/test/widgets/idempotent/typed").then().statusCode(201)
                .extract();
        assertThat(created.header("Location")).endsWith("/test/widgets/idempotent/typed/" + created.path("id"));
    }

    /**
     * An operation answered by reference keeps no copy of its answer: a retry answers the resource as it is now,
     * creates nothing, and once the resource is erased the key still answers its id, whatever the body.
     */
    @Test
    void answersKeptByReferenceReplayTheResourceAsItIsNow() {
        String name = "current-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = createAnsweredAsItIsNow(key, name).statusCode(201)
                .header(IdempotentRequestInterceptor.REPLAYED, (String) null).extract();
        String id = first.path("id");
        assertThat(storedBodiesAbout(id)).containsExactly("");
        String renamed = "renamed-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body(renamed, 0))
                .post("/test/widgets/idempotent/" + id + "/rename").then().statusCode(200);

        ExtractableResponse<Response> retry = createAnsweredAsItIsNow(key, name).statusCode(201).extract();
        assertThat(retry.headers().getValues(IdempotentRequestInterceptor.REPLAYED)).containsExactly("true");
        assertThat(retry.<String>path("id")).isEqualTo(id);
        assertThat(retry.<String>path("name")).isEqualTo(renamed);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(widgetsNamed(renamed)).as("the one widget, renamed").isEqualTo(1);
        assertThat(widgetsNamed(name)).as("no second widget").isZero();
        createAnsweredAsItIsNow(key, "another-" + name).statusCode(422);

        given().auth().oauth2(TestTokens.admin()).delete("/test/widgets/idempotent/current/" + id)
                .then().statusCode(204);
        createAnsweredAsItIsNow(key, "another-" + name).statusCode(201)
                .header(IdempotentRequestInterceptor.REPLAYED, "true").body("id", org.hamcrest.Matchers.equalTo(id))
                .body("name", org.hamcrest.Matchers.equalTo("erased"));
        assertThat(widgetsNamed("another-" + name)).isZero();
    }

    private io.restassured.response.ValidatableResponse createAnsweredAsItIsNow(String key, String name) {
        return given().auth().oauth2(TestTokens.admin()).header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key)
                .contentType(ContentType.JSON).body(body(name, 0)).post("/test/widgets/idempotent/current").then();
    }

    @SuppressWarnings("unchecked")
    private List<String> storedBodiesAbout(String id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT body FROM idempotent_response WHERE resource_id = CAST(?1 AS uuid)")
                .setParameter(1, id).getResultList());
    }

    /**
     * Two callers send the same key and body: each is another caller's request, so the second gets its own record,
     * never the first one's answer.
     */
    private void bothCreate(String firstCaller, String secondCaller) {
        String key = UUID.randomUUID().toString();
        String name = "two-callers-" + UUID.randomUUID();
        String first = create(firstCaller, key, name, 0).statusCode(201).extract().path("id");
        ExtractableResponse<Response> second = create(secondCaller, key, name, 0).statusCode(201).extract();
        assertThat(second.header(IdempotentRequestInterceptor.REPLAYED)).isNull();
        assertThat(second.<String>path("id")).isNotEqualTo(first);
        assertThat(widgetsNamed(name)).isEqualTo(2);
    }

    private io.restassured.response.ValidatableResponse create(String token, String key, String name, int pauseMillis) {
        return given().auth().oauth2(token).header(IdempotentRequestInterceptor.IDEMPOTENCY_KEY, key)
                .contentType(ContentType.JSON).body(body(name, pauseMillis))
                .post("/test/widgets/idempotent").then();
    }

    private static String body(String name, int count) {
        return "{\"name\":\"" + name + "\",\"count\":" + count + ",\"colour\":\"GREEN\"}";
    }

    private long widgetsNamed(String name) {
        return ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM widget WHERE name = ?1").setParameter(1, name)
                .getSingleResult())).longValue();
    }

    /** The outbox's events of that name, by their rows' order (the relay's). */
    private List<String> eventIdsNamedInOutboxOrder(String name) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT CAST(event_id AS text) FROM outbox_event "
                        + "WHERE convert_from(envelope, 'UTF8') LIKE ?1 ORDER BY id", String.class)
                .setParameter(1, "%" + name + "%").getResultList());
    }

    /** Events in the outbox: the rolled-back attempts' events must not be there. */
    private long eventsNamed(String name) {
        return ((Number) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE convert_from(envelope, 'UTF8') LIKE ?1")
                .setParameter(1, "%" + name + "%").getSingleResult())).longValue();
    }
}
