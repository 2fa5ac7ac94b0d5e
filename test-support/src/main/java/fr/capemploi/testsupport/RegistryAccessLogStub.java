package fr.capemploi.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * beneficiary-service's access-log entry point ({@code POST /api/v1/beneficiaries/{id}/access-log}), as cep-service
 * and cpf-service reach it when they serve an erased person's records: a loopback HTTP listener that keeps what it
 * was sent, or answers an error on demand. Their tests that do not run the real beneficiary-service register it
 * globally; beneficiary-service's own tests show what the real one does with an entry, and the system tests the whole
 * path. Sets {@code quarkus.rest-client.beneficiary-service.url}, so a test resource that runs the real registry
 * must have a higher {@link #order()}.
 */
public class RegistryAccessLogStub implements QuarkusTestResourceLifecycleManager {

    /** One entry as the service sent it: the person, the record's {@code service/kind/id}, the bearer token. */
    public record Entry(UUID beneficiaryId, String record, String bearerToken) {

        /** The token's {@code upn}: who the registry would name as the reader. */
        public String callerName() {
            String[] parts = bearerToken.split("\\.");
            if (parts.length < 2) {
                return null;
            }
            Matcher upn = Pattern.compile("\"upn\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return upn.find() ? upn.group(1) : null;
        }
    }

    private static final Pattern PATH = Pattern.compile("/api/v1/beneficiaries/([0-9a-f-]{36})/access-log");
    private static final Pattern FIELD = Pattern.compile("\"(service|kind|recordId)\"\\s*:\\s*\"([^\"]*)\"");
    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILING_WITH = new AtomicInteger();
    private static HttpServer server;

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.beneficiary-service.url", "http://127.0.0.1:" + port());
    }

    @Override
    public void stop() {
        // shared by every application the test JVM starts; ends with the JVM (daemon threads)
    }

    /** The entries sent about one person, oldest first. */
    public static List<Entry> entries(UUID beneficiaryId) {
        return ENTRIES.stream().filter(e -> e.beneficiaryId().equals(beneficiaryId)).toList();
    }

    /** From now on every entry is answered {@code status} and not kept; 0 takes entries again. */
    public static void failWith(int status) {
        FAILING_WITH.set(status);
    }

    private static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on loopback", e);
            }
            server.createContext("/api/v1/beneficiaries/", RegistryAccessLogStub::handle);
            server.setExecutor(null);
            server.start();
        }
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            int failing = FAILING_WITH.get();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (failing != 0) {
                exchange.sendResponseHeaders(failing, -1);
                return;
            }
            Map<String, String> fields = new java.util.HashMap<>();
            Matcher field = FIELD.matcher(body);
            while (field.find()) {
                fields.put(field.group(1), field.group(2));
            }
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            ENTRIES.add(new Entry(UUID.fromString(path.group(1)), fields.get("service") + "/" + fields.get("kind") + "/"
                    + fields.get("recordId"), authorization.replaceFirst("^Bearer ", "")));
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
