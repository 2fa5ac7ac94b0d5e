package fr.capemploi.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader's own HTTP/1.1 connection against the JDK's HTTP server on loopback: what it sends, the two ways a body
 * comes back (known length, chunks), one connection kept for several requests, and a connection the server closes.
 */
class KeepAliveConnectionTest {

    /** Longer than one chunk of the JDK server's output. */
    private static final String LONG_BODY = "{\"items\":[" + "1,".repeat(5_000) + "1]}";

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Object> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            connections.add(exchange.getRemoteAddress());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            answer(exchange, 201, "{\"id\":\"é\"}", false);
        });
        server.createContext("/chunked", exchange -> {
            connections.add(exchange.getRemoteAddress());
            answer(exchange, 200, LONG_BODY, true);
        });
        server.createContext("/empty", exchange -> {
            connections.add(exchange.getRemoteAddress());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/closing", exchange -> {
            connections.add(exchange.getRemoteAddress());
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 409, "{}", false);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String text, boolean chunked) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private KeepAliveConnection connect() throws IOException {
        return new KeepAliveConnection("127.0.0.1", server.getAddress().getPort(), Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    @Test
    void sendsMethodPathHeadersAndBodyAndReadsTheAnswerOfKnownLength() throws IOException {
        try (KeepAliveConnection connection = connect()) {
            KeepAliveConnection.Response response = connection.exchange("POST", uri("/echo?page=2"),
                    Map.of("Authorization", "Bearer t0k", "Idempotency-Key", "demo-1/p1/x"), "{\"name\":\"Zoé\"}");

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"id\":\"é\"}");
            assertThat(response.header("idempotent-REPLAYED")).isEqualTo("true");
            assertThat(seen).containsExactly("POST /echo?page=2 demo-1/p1/x Bearer t0k {\"name\":\"Zoé\"}");
        }
    }

    @Test
    void readsAChunkedBodyWhole() throws IOException {
        try (KeepAliveConnection connection = connect()) {
            KeepAliveConnection.Response response = connection.exchange("GET", uri("/chunked"), Map.of(), null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().equals(LONG_BODY)).as("the body read whole").isTrue();
        }
    }

    @Test
    void keepsOneConnectionForSeveralRequestsOfEveryKind() throws IOException {
        try (KeepAliveConnection connection = connect()) {
            assertThat(connection.exchange("GET", uri("/chunked"), Map.of(), null).status()).isEqualTo(200);
            assertThat(connection.exchange("PUT", uri("/empty"), Map.of(), "{}").status()).isEqualTo(204);
            assertThat(connection.exchange("PATCH", uri("/echo"), Map.of(), "{\"a\":1}").body())
                    .isEqualTo("{\"id\":\"é\"}");
            assertThat(connection.isOpen()).isTrue();
        }
        assertThat(connections).hasSize(3);
        assertThat(connections.stream().distinct()).hasSize(1);
    }

    @Test
    void aConnectionTheServerClosesIsNotUsedAgain() throws IOException {
        try (KeepAliveConnection connection = connect()) {
            assertThat(connection.exchange("POST", uri("/closing"), Map.of(), "{}").status()).isEqualTo(409);

            assertThat(connection.isOpen()).isFalse();
            assertThatThrownBy(() -> connection.exchange("GET", uri("/echo"), Map.of(), null))
                    .isInstanceOf(IOException.class);
        }
    }
}
