package fr.capemploi.localstack.demo;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo's HTTP side: JSON bodies, bearer tokens, an {@code Idempotency-Key} on every POST, and retries with
 * exponential back-off on connection errors, 5xx, 429 and references not arrived yet (a person's registration is
 * still on its way to cep- or cpf-service). Callers block; concurrency is bounded by the caller's thread pool.
 * <p>
 * The exchanges run on one Vert.x event loop, with kept-alive connections: the JDK's {@code HttpClient} cost the
 * loader 1.3–1.5 ms of CPU per request (its selector thread, a future chain and body subscribers per exchange), CPU
 * taken from the two cores the services need (bench/JOURNAL.md, "The demo's loader on one event loop"). Each exchange
 * is composed on that loop, in one of its tasks (see {@link #submit}): composed from the caller's thread, an answer
 * could be read without its body.
 */
final class DemoHttp implements AutoCloseable {

    private static final int ATTEMPTS = 8;
    /**
     * Looked up once: {@code Json.createObjectBuilder()} and its kin look the provider up through the ServiceLoader
     * at every call (reading the jars' service files): a fifth of the loader's samples, in the bodies alone.
     */
    private static final JsonProvider JSON = JsonProvider.provider();
    /** An answer not complete within a minute of silence is a failed attempt, as a connection error is. */
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;

    /**
     * An answer: the request it answers ({@code POST /path}), status, body and whether it replayed an earlier request.
     * The body is parsed when read: most of the demo's answers are only checked for their status.
     */
    record Answer(String request, int status, String text, boolean replayed) {
        /** The JSON body, or null when empty or not JSON. */
        JsonStructure json() {
            return parse(text);
        }

        JsonObject object() {
            return json() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        }

        /** The created resource's id; an accepted answer without one fails naming the request and what came back. */
        UUID id() {
            JsonObject object = object();
            if (!(object.get("id") instanceof JsonString id)) {
                throw new DemoFailure(request + " answered " + status + (replayed ? " (a replay)" : "")
                        + " without an id: " + (text == null || text.isEmpty() ? "no body" : abbreviate(text)));
            }
            return UUID.fromString(id.getString());
        }
    }

    /** A request the demo could not get accepted, with what the service answered. */
    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    /** What the event loop hands back to the waiting caller: the body read whole, the replay header read. */
    private record Raw(int status, String text, boolean replayed) {
    }

    /**
     * The loop never blocks, but on a starved machine its first class loading can take seconds: Vert.x's warning
     * (at 2 s, with a stack trace on the console) would only tell the load average.
     */
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1).setMaxEventLoopExecuteTime(60)
            .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
    private final HttpClient http;
    /** The loop's context: every exchange is composed in it (see {@link #submit}). */
    private final Context loop;
    private final AtomicLong sent = new AtomicLong();
    /** Requests sent per port: which service they went to (a benchmark divides each service's CPU by its own). */
    private final Map<Integer, LongAdder> sentByPort = new ConcurrentHashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    /** @param connections kept-alive connections per service at most: the caller's requests in flight */
    DemoHttp(int connections) {
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections));
        loop = vertx.getOrCreateContext();
    }

    long sent() {
        return sent.get();
    }

    long sentTo(int port) {
        var count = sentByPort.get(port);
        return count == null ? 0 : count.sum();
    }

    long replayed() {
        return replayed.get();
    }

    long retried() {
        return retried.get();
    }

    Answer get(URI uri, String token) {
        return exchange("GET", uri, token, null, null, Set.of(200, 404));
    }

    /** A POST with its Idempotency-Key; {@code accepted} lists the statuses that are not failures. */
    Answer post(URI uri, String token, JsonObject body, String key, Set<Integer> accepted) {
        return exchange("POST", uri, token, body, key, accepted);
    }

    Answer put(URI uri, String token, JsonObject body, Set<Integer> accepted) {
        return exchange("PUT", uri, token, body, null, accepted);
    }

    Answer patch(URI uri, String token, JsonObject body, Set<Integer> accepted) {
        return exchange("PATCH", uri, token, body, null, accepted);
    }

    private Answer exchange(String method, URI uri, String token, JsonObject body, String key,
            Set<Integer> accepted) {
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost(uri.getHost())
                .setPort(uri.getPort()).setURI(path).setIdleTimeout(IDLE_TIMEOUT_MILLIS)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/json");
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
        }
        if (key != null) {
            request.putHeader("Idempotency-Key", key);
        }
        String text = body == null ? null : body.toString();
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                pause(attempt);
            }
            Raw response;
            try {
                sent.incrementAndGet();
                sentByPort.computeIfAbsent(uri.getPort(), p -> new LongAdder()).increment();
                response = submit(request, text).toCompletionStage().toCompletableFuture().get();
            } catch (ExecutionException e) {
                // refused, reset or silent for a minute: tried again, as the JDK client's IOException was
                last = String.valueOf(e.getCause());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(method + " " + uri.getPath() + " interrupted");
            }
            int status = response.status();
            if (status >= 500 || status == 429 || notArrivedYet(status, response.text())) {
                last = status + " " + abbreviate(response.text());
                continue;
            }
            if (response.replayed()) {
                replayed.incrementAndGet();
            }
            if (!accepted.contains(status)) {
                throw new DemoFailure(method + " " + uri.getPath() + " answered " + status + ": "
                        + abbreviate(response.text()) + (text == null ? "" : " (sent " + abbreviate(text) + ")"));
            }
            return new Answer(method + " " + uri.getPath(), status, response.text(), response.replayed());
        }
        throw new DemoFailure(method + " " + uri.getPath() + " failed after " + ATTEMPTS + " attempts: " + last);
    }

    /**
     * One exchange, composed on the event loop in one of its tasks: every handler of the exchange is set before the loop
     * can deliver any of its events. Composed from the caller's thread (until 2026-12-07), the stages were chained one
     * call after another while the loop already ran the first ones: a caller descheduled between {@code send} and
     * {@code body()} (a loaded machine does that) came back to an answer already received whole, and Vert.x hands the
     * body to {@code body()} only from the moment it is asked for — the caller got the status and an empty body. s43's
     * demo at scale 1 (load 28) had one such answer: a referral, 201 and no body, "without an id", while the service had
     * recorded the person and answered their id (bench/JOURNAL.md, "The demo's one failed request").
     */
    private Future<Raw> submit(RequestOptions request, String body) {
        Promise<Raw> answer = Promise.promise();
        loop.runOnContext(ignored -> {
            try {
                send(request, body).onComplete(answer);
            } catch (RuntimeException e) {
                // the caller waits on this promise: a stage that throws instead of failing its future must not hang it
                answer.fail(e);
            }
        });
        return answer.future();
    }

    /** The exchange's stages; on the loop only, or an answer may be read after its body went by. */
    private Future<Raw> send(RequestOptions request, String body) {
        if (!Context.isOnEventLoopThread()) {
            throw new IllegalStateException("an exchange is composed on the event loop, not on " + Thread.currentThread());
        }
        return http.request(request)
                .compose(call -> body == null ? call.send() : call.send(body))
                .compose(response -> response.body().map(buffer -> new Raw(response.statusCode(),
                        buffer.toString(StandardCharsets.UTF_8),
                        "true".equalsIgnoreCase(response.getHeader("Idempotent-Replayed")))));
    }

    /**
     * cep- and cpf-service learn about people and counsellors from events: a reference may arrive after the request
     * (both answer 404 unknown-reference, the platform's directory).
     */
    private static boolean notArrivedYet(int status, String text) {
        return status == 404 && text != null && text.contains("unknown-reference");
    }

    private static void pause(int attempt) {
        long base = Math.min(5_000, 100L << Math.min(attempt, 10));
        try {
            Thread.sleep(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonStructure parse(String text) {
        if (text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("["))) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.read();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        // the event loop's thread ends with the close: nothing of the loader outlives its command
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** A JSON object from name/value pairs; null values are left out (the APIs read absent as "not given"). */
    static JsonObject body(Object... pairs) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            String name = (String) pairs[i];
            Object value = pairs[i + 1];
            if (value == null) {
                continue;
            }
            if (value instanceof String s) {
                builder.add(name, s);
            } else if (value instanceof Integer n) {
                builder.add(name, n);
            } else if (value instanceof Long n) {
                builder.add(name, n);
            } else if (value instanceof BigDecimal n) {
                builder.add(name, n);
            } else if (value instanceof Boolean b) {
                builder.add(name, b);
            } else if (value instanceof LocalDate || value instanceof UUID) {
                builder.add(name, value.toString());
            } else if (value instanceof JsonValue v) {
                builder.add(name, v);
            } else if (value instanceof Collection<?> items) {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                items.forEach(item -> array.add(item.toString()));
                builder.add(name, array);
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
            }
        }
        return builder.build();
    }
}
