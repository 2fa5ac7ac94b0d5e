package fr.capemploi.bench;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP load from one Vert.x event loop, which keeps the client's CPU small beside the service's on a machine where
 * both share two cores (the JDK's HttpClient cost 1.3–1.5 ms of CPU per request). Closed loop ({@link #run}): C
 * connections, each sending its next request as soon as the previous answer arrived, for a given time. Open loop
 * ({@link #atRate}): requests sent on a fixed schedule whatever the answers, over at most C connections (a request
 * finding them all busy waits in the client's queue, and that wait is part of its latency).
 */
final class HttpLoad implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient client;
    private final RequestOptions request;
    private final Buffer body;

    HttpLoad(URI uri, String token, String json, int connections) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections));
        request = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath()).putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json").setTimeout(30_000);
        body = Buffer.buffer(json);
    }

    /** Counts the answers of the expected status; any other status or a failure counts as an error. */
    WritePathBench.Phase run(int connections, Duration duration, int expectedStatus) throws Exception {
        CompletableFuture<WritePathBench.Phase> result = new CompletableFuture<>();
        vertx.runOnContext(ignored -> new Loop(connections, System.nanoTime() + duration.toNanos(), expectedStatus,
                result).start());
        return result.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
    }

    /**
     * Sends {@code rate} requests a second for {@code duration}, on schedule: a slow answer does not slow the rate
     * down. Returns once every request was answered or failed (a request not answered within 30 s fails).
     */
    OpenLoop atRate(int rate, Duration duration, int expectedStatus) throws Exception {
        CompletableFuture<OpenLoop> result = new CompletableFuture<>();
        vertx.runOnContext(ignored -> new Schedule(rate, rate * duration.toSeconds(), expectedStatus, result).start());
        return result.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
    }

    /**
     * What an open-loop run gave: answers of the expected status, failures (another status, a time-out), the most
     * requests ever waiting for their answer at once, and that figure at each second of the run — bounded and flat
     * when the service keeps up, growing when it does not.
     */
    record OpenLoop(WritePathBench.Phase answered, long failed, int maxInFlight, int[] inFlightEachSecond) {
    }

    /** The open loop's schedule: on the one event loop, like {@link Loop}. */
    private final class Schedule {
        private final long total;
        private final long intervalNanos;
        private final CompletableFuture<OpenLoop> result;
        private final long start = System.nanoTime();
        private final Answers answers;
        private final int[] inFlightEachSecond;
        private long sent;
        private long done;
        private int maxInFlight;

        Schedule(int rate, long total, int expectedStatus, CompletableFuture<OpenLoop> result) {
            this.total = total;
            this.intervalNanos = 1_000_000_000L / rate;
            this.answers = new Answers(expectedStatus, start);
            this.result = result;
            this.inFlightEachSecond = new int[(int) Math.max(1, total / rate)];
        }

        void start() {
            vertx.setPeriodic(1, timer -> {
                long due = Math.min(total, (System.nanoTime() - start) / intervalNanos + 1);
                while (sent < due) {
                    send();
                }
                int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                if (second < inFlightEachSecond.length) {
                    inFlightEachSecond[second] = Math.max(inFlightEachSecond[second], (int) (sent - done));
                }
                if (sent == total) {
                    vertx.cancelTimer(timer);
                }
            });
        }

        private void send() {
            sent++;
            maxInFlight = Math.max(maxInFlight, (int) (sent - done));
            long at = System.nanoTime();
            exchange().onComplete(answer -> {
                done++;
                answers.note(at, answer);
                if (done == total) {
                    WritePathBench.Phase answered = answers.phase();
                    result.complete(new OpenLoop(answered, answered.errors(), maxInFlight, inFlightEachSecond));
                }
            });
        }
    }

    /** Everything below runs on the one event loop: no synchronisation needed. */
    private final class Loop {
        private final int connections;
        private final long deadline;
        private final Answers answers;
        private final CompletableFuture<WritePathBench.Phase> result;
        private int running;

        Loop(int connections, long deadline, int expectedStatus, CompletableFuture<WritePathBench.Phase> result) {
            this.connections = connections;
            this.deadline = deadline;
            this.answers = new Answers(expectedStatus, System.nanoTime());
            this.result = result;
        }

        void start() {
            running = connections;
            for (int i = 0; i < connections; i++) {
                next();
            }
        }

        private void next() {
            if (System.nanoTime() >= deadline) {
                if (--running == 0) {
                    result.complete(answers.phase());
                }
                return;
            }
            long sent = System.nanoTime();
            exchange().onComplete(answer -> {
                answers.note(sent, answer);
                next();
            });
        }
    }

    /** One request, and the status of its answer once its body is read (the connection is then free again). */
    private Future<Integer> exchange() {
        return client.request(request)
                .compose(call -> call.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    /** The latencies of the answers of the expected status since a start; any other status or a failure is an error. */
    private static final class Answers {
        private final int expectedStatus;
        private final long start;
        private long[] latencies = new long[1 << 16];
        private int count;
        private long errors;

        Answers(int expectedStatus, long start) {
            this.expectedStatus = expectedStatus;
            this.start = start;
        }

        void note(long sentAt, AsyncResult<Integer> answer) {
            if (answer.succeeded() && answer.result() == expectedStatus) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - sentAt;
            } else {
                errors++;
            }
        }

        WritePathBench.Phase phase() {
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return new WritePathBench.Phase(count, errors, count / elapsed, sorted);
        }
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
