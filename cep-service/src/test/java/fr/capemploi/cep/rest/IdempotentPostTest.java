package fr.capemploi.cep.rest;

import static fr.capemploi.testsupport.IdempotentRetry.KEY;
import static fr.capemploi.testsupport.IdempotentRetry.anotherBodyRefused;
import static fr.capemploi.testsupport.IdempotentRetry.publishedOnce;
import static fr.capemploi.testsupport.IdempotentRetry.sentTwice;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.testsupport.IdempotentRetry.Sent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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

    @Inject
    DataSource dataSource;

    private final CepFixtures cep = new CepFixtures();

    @Test
    void repeatedLevel1ContactIsRecordedOnce() {
        String id = sentTwice(cep::asCounsellor, "POST", "/api/v1/cep/level1-contacts", contact("2016-03-14"), 201)
                .path("id");
        publishedOnce(dataSource, "Level1ContactRecorded", id);
    }

    @Test
    void concurrentOpeningsOfOneAccompanimentGiveOneAccompaniment() throws Exception {
        UUID beneficiary = cep.registeredBeneficiary();
        String diagnostic = cep.diagnostic(beneficiary, "PROJECT_ELABORATION");
        String key = UUID.randomUUID().toString();
        String body = CepFixtures.opening(beneficiary, diagnostic);
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
        publishedOnce(dataSource, "AccompanimentOpened", ids.get(0));
    }

    @Test
    void repeatedInterviewAndLevelChangeAreRecordedOnce() {
        String accompaniment = cep.accompaniment();
        sentTwice(cep::asCounsellor, "POST", "/api/v1/cep/accompaniments/" + accompaniment + "/interviews",
                "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,\"mode\":\"ON_SITE\",\"counsellorId\":\""
                        + cep.counsellor + "\"}", 201);
        // an operation answering the accompaniment itself (a record, not a Response) replays it as well
        assertThat(sentTwice(cep::asCounsellor, "POST", "/api/v1/cep/accompaniments/" + accompaniment + "/level",
                "{\"level\":3,\"changedOn\":\"2016-04-11\"}", 200).<Integer>path("level")).isEqualTo(3);
        publishedOnce(dataSource, "InterviewHeld", accompaniment);
        publishedOnce(dataSource, "AccompanimentLevelChanged", accompaniment);
    }

    @Test
    void sameKeyForAnotherContactIsRefused() {
        Sent sent = sentTwice(cep::asCounsellor, "POST", "/api/v1/cep/level1-contacts", contact("2016-03-14"), 201);
        anotherBodyRefused(sent.key(), cep::asCounsellor, "POST", "/api/v1/cep/level1-contacts", contact("2016-03-15"));
    }

    private String contact(String on) {
        return "{\"contactDate\":\"" + on + "\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                + "\"counsellorId\":\"" + cep.counsellor + "\"}";
    }
}
