package fr.capemploi.localstack.demo;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** beneficiary, cep, cpf and reporting. */
    private static final int SERVICES = 4;

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

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
    private static final Timeout READ_TIMEOUT = Timeout.ofSeconds(60);
    /** A connection idle longer is checked before reuse: a service may have closed it meanwhile. */
    private static final TimeValue CHECK_AFTER_IDLE = TimeValue.ofSeconds(1);

    /**
     * Blocking exchanges on the caller's thread over kept-alive connections, one per loader thread and service at
     * most: the JDK's {@code HttpClient} cost the loader several times the CPU per request (its selector thread and
     * hand-offs, README "Load").
     */
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final AtomicLong sent = new AtomicLong();
    /** Requests sent per port: which service they went to (a benchmark divides each service's CPU by its own). */
    private final Map<Integer, LongAdder> sentByPort = new ConcurrentHashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    /** {@code threads}: how many callers send at once, each holding one connection to a service at a time. */
    DemoHttp(int threads) {
        pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(threads)
                .setMaxConnTotal(threads * SERVICES)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(CONNECT_TIMEOUT)
                        .setSocketTimeout(READ_TIMEOUT)
                        .setValidateAfterInactivity(CHECK_AFTER_IDLE)
                        .build())
                .build();
        client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(READ_TIMEOUT).build())
                .setRetryStrategy(new ResendOnStaleConnection())
                // the services neither compress, redirect nor set cookies: the interceptors would only cost CPU
                .disableContentCompression()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /**
     * Closes every connection (all idle once the callers are done; a thread that sends again opens a new one): the
     * system tests run the demo in their own JVM, which outlives the command.
     */
    void closeConnections() {
        pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
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
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        String text = body == null ? null : body.toString();
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                pause(attempt);
            }
            Received response;
            try {
                sent.incrementAndGet();
                sentByPort.computeIfAbsent(uri.getPort(), p -> new LongAdder()).increment();
                response = send(method, uri, headers, text);
            } catch (IOException e) {
                last = e.toString();
                continue;
            }
            int status = response.status();
            String answer = response.body();
            if (status >= 500 || status == 429 || notArrivedYet(status, answer)) {
                last = status + " " + abbreviate(answer);
                continue;
            }
            boolean replay = "true".equalsIgnoreCase(response.replayed());
            if (replay) {
                replayed.incrementAndGet();
            }
            if (!accepted.contains(status)) {
                throw new DemoFailure(method + " " + uri.getPath() + " answered " + status + ": " + abbreviate(answer)
                        + (body == null ? "" : " (sent " + abbreviate(text) + ")"));
            }
            return new Answer(status, answer, replay);
        }
        throw new DemoFailure(method + " " + uri.getPath() + " failed after " + ATTEMPTS + " attempts: " + last);
    }

    /** What the demo reads of an answer. */
    private record Received(int status, String body, String replayed) {
    }

    /** One exchange; the whole answer is read, which gives the connection back to the pool. */
    private Received send(String method, URI uri, Map<String, String> headers, String body) throws IOException {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri);
        headers.forEach(request::addHeader);
        if (body != null) {
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        }
        return client.execute(request.build(), response -> {
            Header replay = response.getFirstHeader("Idempotent-Replayed");
            String text = response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Received(response.getCode(), text, replay == null ? null : replay.getValue());
        });
    }

    /**
     * The library's resend, once and at once, of a request that met a kept connection the service closed meanwhile
     * (nothing was answered), for every method: each POST carries its Idempotency-Key, PUT and PATCH set a state.
     * Not counted as a retry. Statuses (429, 5xx) are left to {@link #exchange}'s back-off, which counts them; time-outs
     * and refused connections too (the library's list).
     */
    private static final class ResendOnStaleConnection extends DefaultHttpRequestRetryStrategy {
        ResendOnStaleConnection() {
            super(1, TimeValue.ZERO_MILLISECONDS, List.of(InterruptedIOException.class, UnknownHostException.class,
                    ConnectException.class, ConnectionClosedException.class, NoRouteToHostException.class,
                    SSLException.class), List.of());
        }

        @Override
        protected boolean handleAsIdempotent(HttpRequest request) {
            return true;
        }
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
