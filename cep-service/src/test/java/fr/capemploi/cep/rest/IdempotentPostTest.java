package fr.capemploi.cep.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import fr.capemploi.testsupport.OutboxRows;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Retries of CEP writes with an Idempotency-Key, as a front end or a loader resends after a time-out: the first
 * answer comes back and nothing is recorded or published twice.
 */
@QuarkusTest
class IdempotentPostTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    DataSource dataSource;

    private final CepFixtures cep = new CepFixtures();

    @Test
    void repeatedLevel1ContactIsRecordedOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                + "\"counsellorId\":\"" + cep.counsellor + "\"}";
        ExtractableResponse<Response> first = cep.asCounsellor().header(KEY, key).body(body)
                .post("/api/v1/cep/level1-contacts").then().statusCode(201).extract();
        ExtractableResponse<Response> retry = cep.asCounsellor().header(KEY, key).body(body)
                .post("/api/v1/cep/level1-contacts").then().statusCode(201).header(REPLAYED, "true").extract();

        String id = first.path("id");
        assertThat(retry.<String>path("id")).isEqualTo(id);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(OutboxRows.count(dataSource, "Level1ContactRecorded", id)).isEqualTo(1);
    }

    @Test
    void concurrentOpeningsOfOneAccompanimentGiveOneAccompaniment() throws Exception {
        UUID beneficiary = cep.registeredBeneficiary();
        String diagnostic = cep.diagnostic(beneficiary, "PROJECT_ELABORATION");
        String key = UUID.randomUUID().toString();
        String body = "{\"beneficiaryId\":\"" + beneficiary + "\",\"diagnosticId\":\"" + diagnostic
                + "\",\"startDate\":\"2016-02-29\"}";
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> ids = new ArrayList<>();
        try {
            List<Callable<ExtractableResponse<Response>>> attempts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                attempts.add(() -> cep.asCounsellor().header(KEY, key).body(body).post("/api/v1/cep/accompaniments")
                        .then().extract());
            }
            for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(attempts)) {
                assertThat(answer.get().statusCode()).isEqualTo(201);
                ids.add(answer.get().path("id"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(OutboxRows.count(dataSource, "AccompanimentOpened", ids.get(0))).isEqualTo(1);
    }

    @Test
    void repeatedInterviewAndLevelChangeAreRecordedOnce() {
        String accompaniment = cep.accompaniment();
        String interviewKey = UUID.randomUUID().toString();
        String interview = "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\",\"counsellorId\":\""
                + cep.counsellor + "\"}";
        String interviewId = cep.asCounsellor().header(KEY, interviewKey).body(interview)
                .post("/api/v1/cep/accompaniments/" + accompaniment + "/interviews").then().statusCode(201)
                .extract().path("id");
        cep.asCounsellor().header(KEY, interviewKey).body(interview)
                .post("/api/v1/cep/accompaniments/" + accompaniment + "/interviews").then().statusCode(201)
                .header(REPLAYED, "true").body("id", equalTo(interviewId));

        // an operation answering the accompaniment itself (a record, not a Response) replays it as well
        String levelKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            cep.asCounsellor().header(KEY, levelKey).body("{\"level\":3,\"changedOn\":\"2016-04-11\"}")
                    .post("/api/v1/cep/accompaniments/" + accompaniment + "/level").then().statusCode(200)
                    .body("level", equalTo(3));
        }
        assertThat(OutboxRows.count(dataSource, "InterviewHeld", accompaniment)).isEqualTo(1);
        assertThat(OutboxRows.count(dataSource, "AccompanimentLevelChanged", accompaniment)).isEqualTo(1);
    }

    @Test
    void sameKeyForAnotherContactIsRefused() {
        String key = UUID.randomUUID().toString();
        cep.asCounsellor().header(KEY, key).body("{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\","
                + "\"request\":\"CPF_INFORMATION\",\"counsellorId\":\"" + cep.counsellor + "\"}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(201);
        cep.asCounsellor().header(KEY, key).body("{\"contactDate\":\"2016-03-15\",\"channel\":\"PHONE\","
                + "\"request\":\"CPF_INFORMATION\",\"counsellorId\":\"" + cep.counsellor + "\"}")
                .post("/api/v1/cep/level1-contacts").then().statusCode(422)
                .contentType("application/problem+json");
    }
}
