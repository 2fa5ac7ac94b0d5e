package fr.capemploi.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A response's JSON body as Jackson reads it, for the checks and fixtures that run in loops (the authorization
 * matrices, the bad inputs, the erased person's refusals, the records a fixture creates). RestAssured's own paths
 * ({@code body("status", ...)}, {@code jsonPath().getInt(...)}, {@code extract().path(...)}) compile a Groovy script
 * for every evaluation: 6-13 ms of CPU each on the test JVMs' C1 ({@code GroovyShell} was a sixth of the Java samples
 * of cpf-service's test JVM), where Jackson reads the same field in a few microseconds. One-off assertions keep
 * RestAssured's paths.
 */
public final class JsonAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswer() {
    }

    /** The body of {@code response}; a body that is not JSON fails the test with the body in the message. */
    public static JsonNode of(Response response) {
        String body = response.asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON body: " + body, e);
        }
    }

    /** The text at {@code pointer} (a JSON pointer such as {@code /id} or {@code /request/id}); null if absent. */
    public static String text(Response response, String pointer) {
        return of(response).at(pointer).asText(null);
    }

    /** The identifier at {@code pointer}. */
    public static UUID id(Response response, String pointer) {
        return UUID.fromString(text(response, pointer));
    }

    /** The text of each element's {@code field} in the array at {@code pointer} ({@code /items}, {@code /violations}). */
    public static List<String> texts(Response response, String pointer, String field) {
        List<String> texts = new ArrayList<>();
        of(response).at(pointer).forEach(element -> texts.add(element.path(field).asText(null)));
        return texts;
    }
}
