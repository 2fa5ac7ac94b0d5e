package fr.capemploi.localstack.demo;

import com.sun.net.httpserver.HttpServer;
import fr.capemploi.localstack.demo.DemoHttp.Answer;
import fr.capemploi.localstack.demo.DemoHttp.DemoFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

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
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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
}
