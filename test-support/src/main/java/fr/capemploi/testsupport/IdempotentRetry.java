package fr.capemploi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The Idempotency-Key contract every service's writes honour, as a front end or a loader resending after a time-out
 * relies on it: the same request sent again under the same key gets the first answer back, marked
 * {@code Idempotent-Replayed: true}, and the fact is recorded and published once; the same key with another request
 * is refused (422 problem+json). Each service's test feeds it its own writes and callers.
 */
public final class IdempotentRetry {

    public static final String KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private IdempotentRetry() {
    }

    /** A request sent under {@code key}, and its first answer. */
    public record Sent(String key, ExtractableResponse<Response> answer) {

        public <T> T path(String path) {
            return answer.path(path);
        }
    }

    /**
     * Sends {@code body} twice under one new key, each time from a fresh {@code caller} (its token and content type):
     * both answered {@code status}, the first as itself, the retry replayed with the same body and Location.
     */
    public static Sent sentTwice(Supplier<RequestSpecification> caller, String method, String path, String body, int status) {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = caller.get().header(KEY, key).body(body).request(method, path).then()
                .statusCode(status).header(REPLAYED, nullValue()).extract();
        ExtractableResponse<Response> retry = caller.get().header(KEY, key).body(body).request(method, path).then()
                .statusCode(status).header(REPLAYED, "true").extract();
        assertThat(retry.asString()).as("the replayed answer of %s %s", method, path).isEqualTo(first.asString());
        assertThat(retry.header("Location")).as("the replayed Location of %s %s", method, path)
                .isEqualTo(first.header("Location"));
        return new Sent(key, first);
    }

    /** Another body under a key already used: refused with a 422 problem, whatever the body says. */
    public static void anotherBodyRefused(String key, Supplier<RequestSpecification> caller, String method, String path,
            String otherBody) {
        caller.get().header(KEY, key).body(otherBody).request(method, path).then().statusCode(422)
                .contentType("application/problem+json");
    }

    /**
     * The service (its database: {@code dataSource}) wrote one event of {@code type} about {@code aggregateId} to its
     * outbox, hence published it once.
     */
    public static void publishedOnce(DataSource dataSource, String type, Object aggregateId) {
        assertThat(OutboxRows.count(dataSource, type, aggregateId)).as("%s events about %s", type, aggregateId)
                .isEqualTo(1);
    }
}
