package fr.capemploi.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner system registering structures one after the other, as fast as the suite answers, over every instance of
 * beneficiary-service in turn. A request that fails (instance killed, database away: 503, connection refused) is sent
 * again with the same {@code Idempotency-Key}, to the next instance, until it is acknowledged with 201: every
 * structure the writer attempted ends up acknowledged once, whatever happened to the first attempts. The acknowledged
 * ids are what the suite must count: each exactly once.
 */
final class AcknowledgedWriter implements AutoCloseable {

    /** A write not acknowledged within this time fails the test: the suite did not recover. */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> beneficiaryInstances;
    private final String adminToken;
    private final String region;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<UUID> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Object gate = new Object();
    private boolean paused;
    private boolean idle;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private Thread thread;

    AcknowledgedWriter(List<URI> beneficiaryInstances, String adminToken, String region) {
        this.beneficiaryInstances = List.copyOf(beneficiaryInstances);
        this.adminToken = adminToken;
        this.region = region;
    }

    AcknowledgedWriter start() {
        thread = new Thread(this::run, "acknowledged-writer");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Ids of the structures acknowledged so far, in acknowledgement order. */
    List<UUID> acknowledged() {
        rethrow();
        return List.copyOf(acknowledged);
    }

    /** Waits until {@code n} structures have been acknowledged (fails at once if the writer failed). */
    void awaitAtLeast(int n) {
        org.awaitility.Awaitility.await("structure " + n + " acknowledged").atMost(GIVE_UP)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    rethrow();
                    return acknowledged.size() >= n;
                });
    }

    int count() {
        rethrow();
        return acknowledged.size();
    }

    /** Attempts that were not acknowledged and were sent again. */
    int failedAttempts() {
        return failedAttempts.get();
    }

    /** Returns once the request in flight has been acknowledged; no request is sent until {@link #resume}. */
    void pause() {
        synchronized (gate) {
            paused = true;
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (!idle && thread.isAlive() && System.nanoTime() < deadline) {
                try {
                    gate.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        rethrow();
    }

    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        stopped = true;
        resume();
        if (thread != null) {
            try {
                thread.join(GIVE_UP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow();
    }

    private void rethrow() {
        if (failure != null) {
            throw new AssertionError("the writer failed: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        int next = 0;
        try {
            while (!stopped) {
                synchronized (gate) {
                    while (paused && !stopped) {
                        idle = true;
                        gate.notifyAll();
                        gate.wait();
                    }
                    idle = false;
                }
                if (stopped) {
                    break;
                }
                String key = UUID.randomUUID().toString();
                String body = JSON.writeValueAsString(Map.of("code", SuiteApi.uniqueCode(), "name", "Cap emploi HA",
                        "region", region, "department", "75", "registeredOn", SuiteApi.today()));
                long deadline = System.nanoTime() + GIVE_UP.toNanos();
                while (true) {
                    URI base = beneficiaryInstances.get(next++ % beneficiaryInstances.size());
                    Integer status = null;
                    String answer = null;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        base.resolve("/api/v1/structures"))
                                .timeout(Duration.ofSeconds(15))
                                .header("Authorization", "Bearer " + adminToken)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        answer = response.body();
                    } catch (IOException e) {
                        // instance killed or restarting: the next one gets the same request
                    }
                    if (status != null && status == 201) {
                        acknowledged.add(UUID.fromString(JSON.readTree(answer).path("id").asText()));
                        break;
                    }
                    if (status != null && status != 503 && status != 502 && status != 500) {
                        throw new IllegalStateException("POST /api/v1/structures answered " + status + ": " + answer);
                    }
                    failedAttempts.incrementAndGet();
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("a structure was not acknowledged within " + GIVE_UP
                                + " (last status " + status + ")");
                    }
                    // a client's retry back-off, as a partner system would do it (not a synchronisation)
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | AssertionError e) {
            failure = e;
        } finally {
            synchronized (gate) {
                idle = true;
                gate.notifyAll();
            }
        }
    }
}
