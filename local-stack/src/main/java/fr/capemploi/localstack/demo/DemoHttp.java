package fr.capemploi.localstack.demo;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo's HTTP side: JSON bodies, bearer tokens, an {@code Idempotency-Key} on every POST, and retries with
 * exponential back-off on connection errors, 5xx, 429 and references not arrived yet (a person's registration is
 * still on its way to cep- or cpf-service). Callers block; concurrency is bounded by the caller's thread pool.
 */
final class DemoHttp {

    private static final int ATTEMPTS = 8;

    /**
     * An answer: status, body and whether it replayed an earlier request. The body is parsed when read: most of the
     * demo's answers are only checked for their status.
     */
    record Answer(int status, String text, boolean replayed) {
        /** The JSON body, or null when empty or not JSON. */
        JsonStructure json() {
            return parse(text);
        }

        JsonObject object() {
            return json() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        }

        UUID id() {
            return UUID.fromString(object().getString("id"));
        }
    }

    /** A request the demo could not get accepted, with what the service answered. */
    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong sent = new AtomicLong();
    /** Requests sent per port: which service they went to (a benchmark divides each service's CPU by its own). */
    private final Map<Integer, LongAdder> sentByPort = new ConcurrentHashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

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
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest request = builder.method(method, publisher).build();
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                pause(attempt);
            }
            HttpResponse<String> response;
            try {
                sent.incrementAndGet();
                sentByPort.computeIfAbsent(uri.getPort(), p -> new LongAdder()).increment();
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = e.toString();
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(method + " " + uri.getPath() + " interrupted");
            }
            int status = response.statusCode();
            String text = response.body();
            if (status >= 500 || status == 429 || notArrivedYet(status, text)) {
                last = status + " " + abbreviate(text);
                continue;
            }
            boolean replay = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                    .orElse(false);
            if (replay) {
                replayed.incrementAndGet();
            }
            if (!accepted.contains(status)) {
                throw new DemoFailure(method + " " + uri.getPath() + " answered " + status + ": " + abbreviate(text)
                        + (body == null ? "" : " (sent " + abbreviate(body.toString()) + ")"));
            }
            return new Answer(status, text, replay);
        }
        throw new DemoFailure(method + " " + uri.getPath() + " failed after " + ATTEMPTS + " attempts: " + last);
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
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** A JSON object from name/value pairs; null values are left out (the APIs read absent as "not given"). */
    static JsonObject body(Object... pairs) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
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
                JsonArrayBuilder array = Json.createArrayBuilder();
                items.forEach(item -> array.add(item.toString()));
                builder.add(name, array);
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
            }
        }
        return builder.build();
    }
}
