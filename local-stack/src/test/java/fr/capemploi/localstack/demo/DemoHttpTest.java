package fr.capemploi.localstack.demo;

import com.sun.net.httpserver.HttpServer;
import fr.capemploi.localstack.demo.DemoHttp.Answer;
import fr.capemploi.localstack.demo.DemoHttp.DemoFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's HTTP exchanges on their event loop, against a real HTTP server on loopback (the JDK's): what a request
 * carries, what an answer gives back, which answers are tried again. One server and one client for the class (a
 * client's event loop takes seconds to start on a loaded machine); the counters are read as differences.
 */
class DemoHttpTest {

    /** What the server saw of one request. */
    private record Seen(String method, String pathAndQuery, String authorization, String idempotencyKey,
            String contentType, String body) {
    }

    /** One scripted answer. */
    private record Scripted(int status, String body, boolean replayed) {
    }

    private static final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private static final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    private static HttpServer server;
    private static DemoHttp http;
    private long sentBefore;
    private long replayedBefore;
    private long retriedBefore;

    @BeforeAll
    static void start() throws IOException {
        // an answer's head and body go out in two writes: without it each exchange waited for the client's delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // answers its own request, whatever else is in flight: the id is the one its Idempotency-Key names
        server.createContext("/echo/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            byte[] bytes = ("{\"id\":\"" + idOf(key) + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    headers.getFirst("Authorization"), headers.getFirst("Idempotency-Key"),
                    headers.getFirst("Content-Type"), body));
            Scripted answer = script.remove();
            if (answer.replayed()) {
                exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        http = new DemoHttp(4);
    }

    @BeforeEach
    void clear() {
        script.clear();
        seen.clear();
        sentBefore = http.sent();
        replayedBefore = http.replayed();
        retriedBefore = http.retried();
    }

    @AfterAll
    static void stop() {
        http.close();
        server.stop(0);
    }

    private static UUID idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    @Test
    void aPostCarriesItsBodyTokenAndKeyAndItsAnswerIsReadWhole() {
        script.add(new Scripted(201, "{\"id\":\"3f2c6b1e-0000-4000-8000-000000000075\",\"nom\":\"Cap emploi Paris\"}",
                false));
        script.add(new Scripted(201, "{\"id\":\"3f2c6b1e-0000-4000-8000-000000000075\"}", true));

        Answer first = http.post(uri("/api/v1/structures"), "t0k3n", DemoHttp.body("code", "075", "name", "Cap emploi"),
                "demo-7-0.01/s0", Set.of(201));
        Answer again = http.post(uri("/api/v1/structures"), "t0k3n", DemoHttp.body("code", "075", "name", "Cap emploi"),
                "demo-7-0.01/s0", Set.of(201));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(first.object().getString("nom")).isEqualTo("Cap emploi Paris");
        assertThat(again.replayed()).isTrue();
        assertThat(List.copyOf(seen)).first().isEqualTo(new Seen("POST", "/api/v1/structures", "Bearer t0k3n",
                "demo-7-0.01/s0", "application/json", "{\"code\":\"075\",\"name\":\"Cap emploi\"}"));
        assertThat(http.sent() - sentBefore).isEqualTo(2);
        assertThat(http.replayed() - replayedBefore).isEqualTo(1);
        assertThat(http.sentTo(server.getAddress().getPort())).isEqualTo(http.sent());
    }

    @Test
    void aGetKeepsItsQueryAndAnEmptyAnswerHasNoJson() {
        script.add(new Scripted(404, "", false));

        Answer answer = http.get(uri("/api/v1/cep/accompaniments?open=true&beneficiaryId=a%2Bb"), "t0k3n");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json()).isNull();
        Seen request = seen.remove();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/api/v1/cep/accompaniments?open=true&beneficiaryId=a%2Bb");
        assertThat(request.idempotencyKey()).isNull();
        assertThat(request.contentType()).isNull();
    }

    @Test
    void unavailableAndNotArrivedYetAreTriedAgainWithTheSameRequest() {
        script.add(new Scripted(503, "", false));
        script.add(new Scripted(404, "{\"type\":\"unknown-reference\"}", false));
        script.add(new Scripted(201, "{\"id\":\"5b1c7e02-33a9-4d7e-9f0e-2f6c1d8a4b20\"}", false));

        Answer answer = http.post(uri("/api/v1/cep/diagnostics"), "t0k3n", DemoHttp.body("workAxis", "emploi"),
                "demo-7-0.01/p1/diagnostic", Set.of(201));

        assertThat(answer.id().toString()).isEqualTo("5b1c7e02-33a9-4d7e-9f0e-2f6c1d8a4b20");
        assertThat(http.retried() - retriedBefore).isEqualTo(2);
        assertThat(seen).hasSize(3).allSatisfy(request -> {
            assertThat(request.body()).isEqualTo("{\"workAxis\":\"emploi\"}");
            assertThat(request.idempotencyKey()).isEqualTo("demo-7-0.01/p1/diagnostic");
        });
    }

    @Test
    void aRefusalIsAFailureThatNamesTheStatusAndIsNotTriedAgain() {
        script.add(new Scripted(400, "{\"detail\":\"closedOn before startDate\"}", false));

        assertThatThrownBy(() -> http.post(uri("/api/v1/cep/accompaniments/x/close"), "t0k3n",
                DemoHttp.body("closedOn", "2015-01-01"), "demo-7-0.01/p1/close", Set.of(200, 409)))
                .isInstanceOf(DemoFailure.class)
                .hasMessageContaining("answered 400")
                .hasMessageContaining("closedOn before startDate");
        assertThat(http.retried() - retriedBefore).isZero();
    }

    @Test
    void anAcceptedAnswerWithoutAnIdFailsNamingTheRequestAndWhatCameBack() {
        script.add(new Scripted(201, "{\"status\":\"OPEN\"}", true));

        Answer answer = http.post(uri("/api/v1/cep/accompaniments"), "t0k3n", DemoHttp.body("level", "2"),
                "demo-7-0.01/p1/accompaniment", Set.of(201));

        assertThatThrownBy(answer::id)
                .isInstanceOf(DemoFailure.class)
                .hasMessage("POST /api/v1/cep/accompaniments answered 201 (a replay) without an id: "
                        + "{\"status\":\"OPEN\"}");
    }

    /**
     * s43's one failed request, as the loader met it (a partner's referral answered 201 and read "without an id"): the
     * stages of an exchange chained from the caller's thread, as the loader did until 2026-12-07, and the caller
     * descheduled between {@code send} and {@code body()} until the answer has been received whole — here, until the
     * pool's one connection serves a second request, which it does once the first answer has ended. Vert.x hands a body
     * to {@code body()} only from the moment it is asked for: the status is there, the body is not.
     */
    @Test
    void anAnswerWhoseBodyIsAskedForAfterItEndedComesBackEmptyWhenTheExchangeIsChainedOffTheLoop() throws Exception {
        String referral = "{\"id\":\"0f8e5a7c-2a44-4c43-8d55-7c7c2b1e9b11\"}";
        script.add(new Scripted(201, referral, false));
        script.add(new Scripted(200, "{}", false));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                    new PoolOptions().setHttp1MaxSize(1));
            int port = server.getAddress().getPort();
            Future<HttpClientResponse> answered = client.request(new RequestOptions().setMethod(HttpMethod.POST)
                    .setHost("127.0.0.1").setPort(port).setURI("/api/v1/beneficiaries")).compose(call -> call.send("{}"));
            HttpClientRequest next = client.request(new RequestOptions().setHost("127.0.0.1").setPort(port)
                    .setURI("/api/v1/structures")).toCompletionStage().toCompletableFuture().get();

            HttpClientResponse response = answered.toCompletionStage().toCompletableFuture().get();
            String body = response.body().map(buffer -> buffer.toString(StandardCharsets.UTF_8)).toCompletionStage()
                    .toCompletableFuture().get();
            next.send().compose(HttpClientResponse::body).toCompletionStage().toCompletableFuture().get();

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(body).isEmpty();
            assertThat(seen).hasSize(2);
            assertThatThrownBy(new Answer("POST /api/v1/beneficiaries", 201, body, false)::id)
                    .isInstanceOf(DemoFailure.class)
                    .hasMessage("POST /api/v1/beneficiaries answered 201 without an id: no body");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    /**
     * Callers on many threads, as the demo's pool: every answer is read whole and is its own request's (the server
     * answers the id its Idempotency-Key names).
     */
    @Test
    void answersToConcurrentCallersAreEachReadWholeAndEachTheirOwn() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int caller = 0; caller < 16; caller++) {
                int c = caller;
                tasks.add(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        String key = "demo-7-0.01/p" + c + "/step-" + i;
                        UUID id = http.post(uri("/echo/" + c), "t0k3n", DemoHttp.body("step", i), key, Set.of(201))
                                .id();
                        if (!id.equals(idOf(key))) {
                            wrong.add(key + " answered " + id);
                        }
                    }
                    return wrong;
                });
            }
            List<String> wrong = new ArrayList<>();
            for (var done : callers.invokeAll(tasks)) {
                wrong.addAll(done.get());
            }

            assertThat(wrong).isEmpty();
            assertThat(http.sent() - sentBefore).isEqualTo(1_600);
            assertThat(http.retried() - retriedBefore).isZero();
        } finally {
            callers.shutdownNow();
        }
    }
}
