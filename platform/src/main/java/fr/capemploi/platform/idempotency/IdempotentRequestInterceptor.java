package fr.capemploi.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Makes an {@link Idempotent} resource method safe to retry. The answer is stored in the same transaction as the
 * change it reports, so either both exist or neither: a client that lost the answer (time-out, broker of its own
 * down, process killed) can send the request again and gets the first answer, never a second record.
 *
 * <p>The key is claimed at the end of the transaction, not at its start: a request that waits (for a beneficiary's
 * registration to arrive, for a row lock) holds no database connection for the key meanwhile. When two attempts with
 * one key run at once, the loser's insert waits for the winner's commit, then its own changes are rolled back and it
 * answers the winner's answer.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class IdempotentRequestInterceptor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{8,128}$");

    private final StoredAnswers answers;
    private final HttpServerRequest request;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequestInterceptor(StoredAnswers answers, HttpServerRequest request, Caller caller,
            ObjectMapper json, Clock clock) {
        this.answers = answers;
        this.request = request;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
    }

    @AroundInvoke
    Object answerOnce(InvocationContext invocation) throws Exception {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null || !"POST".equals(request.method().name())) {
            return invocation.proceed();
        }
        requireWellFormed(key);
        Method method = invocation.getMethod();
        String operation = method.getDeclaringClass().getName() + "#" + method.getName();
        // who and where: the answer is kept per caller identity and structure, and a structure-bound caller without a
        // valid structure claim is refused here (403) before anything is looked up, so authorization comes before
        // any replay and an answer given inside one structure is never handed to another
        String who = caller.identity();
        String structure = caller.structureKey();
        String fingerprint = fingerprint(operation, invocation.getParameters());

        Optional<StoredAnswer> earlier = find(who, structure, operation, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint, method);
        }
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Object result = invocation.proceed();
                if (!answers.keep(who, structure, operation, key, answerOf(result, fingerprint, method), clock.instant())) {
                    throw new KeyTakenMeanwhile();
                }
                return result;
            });
        } catch (RuntimeException e) {
            if (e instanceof KeyTakenMeanwhile || e.getCause() instanceof KeyTakenMeanwhile) {
                return replay(find(who, structure, operation, key).orElseThrow(), fingerprint, method);
            }
            // a concurrent attempt with this key may have made this one fail (a duplicate refused with 409...):
            // the client asked for the winner's answer, not for the loser's error
            Optional<StoredAnswer> winner = find(who, structure, operation, key);
            if (winner.isPresent()) {
                return replay(winner.get(), fingerprint, method);
            }
            throw unwrap(e);
        }
    }

    /** The one rule for a key, also applied by services that keep their own record of keyed requests. */
    public static void requireWellFormed(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 8 to 128 visible ASCII characters, e.g. a UUID");
        }
    }

    private Optional<StoredAnswer> find(String who, String structure, String operation, String key) {
        return QuarkusTransaction.requiringNew().call(() -> answers.find(who, structure, operation, key));
    }

    private Object replay(StoredAnswer answer, String fingerprint, Method method) throws JsonProcessingException {
        if (!answer.requestHash().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        if (Response.class.isAssignableFrom(method.getReturnType())) {
            Response.ResponseBuilder replayed = Response.status(answer.status());
            if (!answer.location().isEmpty()) {
                replayed.location(URI.create(answer.location()));
            }
            if (!answer.body().isEmpty()) {
                replayed.entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return replayed.header(REPLAYED, "true").build();
        }
        if (RestResponse.class.isAssignableFrom(method.getReturnType())) {
            // a typed answer is written by the writer of its type: the stored JSON is read back into that type
            RestResponse.ResponseBuilder<Object> replayed = RestResponse.ResponseBuilder.create(answer.status());
            if (!answer.location().isEmpty()) {
                replayed.location(URI.create(answer.location()));
            }
            if (!answer.body().isEmpty()) {
                replayed.entity(json.readValue(answer.body(), json.getTypeFactory().constructType(
                        ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0])));
            }
            return replayed.header(REPLAYED, "true").build();
        }
        // an operation answering a record has no Response to carry the header: it goes on the HTTP response itself
        request.response().putHeader(REPLAYED, "true");
        if (method.getReturnType() == void.class || answer.body().isEmpty()) {
            return null;
        }
        JavaType type = json.getTypeFactory().constructType(method.getGenericReturnType());
        return json.readValue(answer.body(), type);
    }

    private StoredAnswer answerOf(Object result, String fingerprint, Method method) throws JsonProcessingException {
        if (result instanceof Response response) {
            URI location = response.getLocation();
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : "";
            return new StoredAnswer(fingerprint, response.getStatus(), location == null ? "" : location.toString(),
                    body);
        }
        if (result instanceof RestResponse<?> response) {
            URI location = response.getLocation();
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : "";
            return new StoredAnswer(fingerprint, response.getStatus(), location == null ? "" : location.toString(),
                    body);
        }
        return result == null ? new StoredAnswer(fingerprint, 204, "", "")
                : new StoredAnswer(fingerprint, statusOf(method), "", json.writeValueAsString(result));
    }

    private static int statusOf(Method method) {
        ResponseStatus declared = method.getAnnotation(ResponseStatus.class);
        return declared == null ? 200 : declared.value();
    }

    /** The operation and its arguments (path parameters and body); JAX-RS context objects are not part of it. */
    private String fingerprint(String operation, Object[] parameters) throws JsonProcessingException {
        List<Object> arguments = new ArrayList<>();
        arguments.add(operation);
        for (Object parameter : parameters) {
            if (parameter == null || !parameter.getClass().getName().startsWith("jakarta.ws.rs")
                    && !parameter.getClass().getName().startsWith("org.jboss.resteasy")) {
                arguments.add(parameter);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(arguments).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        if (e instanceof QuarkusTransactionException && e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        return e;
    }

    /** Rolls back this attempt's changes: an earlier attempt with the same key committed first. */
    private static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super(null, null, false, false);
        }
    }
}
