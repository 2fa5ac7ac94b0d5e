package fr.capemploi.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
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
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Makes an {@link Idempotent} resource method safe to retry. The answer is stored in the same transaction as the
 * change it reports, so either both exist or neither: a client that lost the answer (time-out, broker of its own
 * down, process killed) can send the request again and gets the first answer, never a second record.
 *
 * <p>The key is claimed at the end of the transaction, not at its start: a request that waits (for a beneficiary's
 * registration to arrive, for a row lock) holds no database connection for the key meanwhile. The key is not looked
 * up before: a retry is found out the way a race is, by the claim. When two attempts with one key run at once, or a
 * retry comes after the first attempt committed, the later one's insert finds the key taken (waiting for the
 * earlier's commit if it still runs), then its own changes are rolled back and it answers the earlier answer; a retry
 * whose use case fails this time (the record it created is now a duplicate, the exit already recorded) answers the
 * earlier answer too. What a retry's use case does outside its transaction is done again: the directories' looks
 * (the records it names were known the first time) and nothing else the services do on a write.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class IdempotentRequestInterceptor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{8,128}$");

    private final StoredAnswers answers;
    private final KeyedRequest keyedRequest;
    private final HttpServerRequest request;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;
    private final Instance<RequestHashKey> hashKey;
    private final Outbox outbox;

    public IdempotentRequestInterceptor(StoredAnswers answers, KeyedRequest keyedRequest, HttpServerRequest request,
            Caller caller, ObjectMapper json, Clock clock, Instance<RequestHashKey> hashKey, Outbox outbox) {
        this.outbox = outbox;
        this.answers = answers;
        this.keyedRequest = keyedRequest;
        this.request = request;
        this.caller = caller;
        this.json = json;
        this.clock = clock;
        this.hashKey = hashKey;
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

        // no look-up first: the key's insert at the end of the use case's transaction decides whether this is a new
        // request or a retry, as it decided a race. A new request (nearly every keyed one) spares the autocommit
        // select it paid before — a transaction and a round trip of its own, 0.72 per demo request over the three
        // services (bench/JOURNAL.md, 2026-12-07); a retry runs the use case, whose changes the taken key rolls back,
        // then answers as a replay always did.
        // When the transaction is this request's own (not a caller's of ours), the rows the use case records for the
        // outbox wait for its end and are written by the answer's statement: one round trip where each was one
        // (bench/JOURNAL.md, 2026-12-07)
        boolean own = !QuarkusTransaction.isActive();
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                if (own) {
                    outbox.holdRows();
                }
                Object result = invocation.proceed();
                if (!answers.keep(who, structure, operation, key, answerOf(result, fingerprint, method), clock.instant(),
                        own ? outbox.releaseHeldRows() : null)) {
                    throw new KeyTakenMeanwhile();
                }
                return result;
            });
        } catch (RuntimeException e) {
            if (e instanceof KeyTakenMeanwhile || e.getCause() instanceof KeyTakenMeanwhile) {
                return replay(find(who, structure, operation, key).orElseThrow(), fingerprint, invocation);
            }
            // an earlier or concurrent attempt with this key may have made this one fail (a duplicate refused with
            // 409, an exit already recorded...): the client asked for that attempt's answer, not for this one's error
            Optional<StoredAnswer> winner = find(who, structure, operation, key);
            if (winner.isPresent()) {
                return replay(winner.get(), fingerprint, invocation);
            }
            throw unwrap(e);
        }
    }

    private static void requireWellFormed(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 8 to 128 visible ASCII characters, e.g. a UUID");
        }
    }

    private Optional<StoredAnswer> find(String who, String structure, String operation, String key) {
        // one autocommit select outside a transaction; inside one (a caller of our own) still a transaction apart,
        // so the look never sees nor waits for that caller's uncommitted writes
        if (!QuarkusTransaction.isActive()) {
            return answers.find(who, structure, operation, key);
        }
        return QuarkusTransaction.requiringNew().call(() -> answers.find(who, structure, operation, key));
    }

    private Object replay(StoredAnswer answer, String fingerprint, InvocationContext invocation) throws Exception {
        // a null hash was wiped by an erasure: the key still answers the (now erased) resource
        if (answer.requestHash() != null && !answer.requestHash().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        if (answer.resourceId() != null) {
            // the operation renders the resource as it is now; the use case sees the retry and changes nothing
            keyedRequest.retrying(answer.resourceId());
            Object current = QuarkusTransaction.joiningExisting().call(invocation::proceed);
            request.response().putHeader(REPLAYED, "true");
            return current;
        }
        Method method = invocation.getMethod();
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
        if (replayOf(method) == Idempotent.Replay.CURRENT_STATE) {
            UUID resource = keyedRequest.answered();
            if (resource == null) {
                throw new IllegalStateException(method + " replays the current state: its use case must name the "
                        + "resource it answers about (KeyedRequest.answers)");
            }
            return new StoredAnswer(fingerprint, statusOf(result, method), "", "", resource);
        }
        if (result instanceof Response response) {
            URI location = response.getLocation();
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : "";
            return new StoredAnswer(fingerprint, response.getStatus(), location == null ? "" : location.toString(),
                    body, null);
        }
        if (result instanceof RestResponse<?> response) {
            URI location = response.getLocation();
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : "";
            return new StoredAnswer(fingerprint, response.getStatus(), location == null ? "" : location.toString(),
                    body, null);
        }
        return result == null ? new StoredAnswer(fingerprint, 204, "", "", null)
                : new StoredAnswer(fingerprint, statusOf(result, method), "", json.writeValueAsString(result), null);
    }

    private static Idempotent.Replay replayOf(Method method) {
        Idempotent declared = method.getAnnotation(Idempotent.class);
        return (declared != null ? declared : method.getDeclaringClass().getAnnotation(Idempotent.class)).replay();
    }

    private static int statusOf(Object result, Method method) {
        if (result instanceof Response response) {
            return response.getStatus();
        }
        if (result instanceof RestResponse<?> response) {
            return response.getStatus();
        }
        if (result == null) {
            return 204;
        }
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
        byte[] request = json.writeValueAsString(arguments).getBytes(StandardCharsets.UTF_8);
        try {
            if (hashKey.isResolvable()) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(hashKey.get().requestHash());
                return HexFormat.of().formatHex(mac.doFinal(request));
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 and SHA-256 are part of every JVM", e);
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
