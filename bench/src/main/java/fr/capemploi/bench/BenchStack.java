package fr.capemploi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.events.CloudEventHeaders;
import fr.capemploi.events.DomainEvent;
import fr.capemploi.events.EventCatalog;
import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.SuiteService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A suite started for one benchmark run, and the few calls the benchmarks make to it. */
final class BenchStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaProducer<String, byte[]> producer;

    BenchStack(String name, SuiteService... services) {
        Path root = root();
        stack = LocalStack.builder()
                .repositoryRoot(root)
                .dataDirectory(dataDirectory(name))
                .randomPorts()
                .services(services)
                .serviceJvmOptions(serviceJvmOptions())
                // a service upgrading a large projection generation in place at start-up needs more than 3 minutes
                .startupTimeout(Duration.ofMinutes(20))
                .build();
        long start = System.nanoTime();
        stack.start();
        System.out.printf("stack ready in %.1f s, services on %s%n", (System.nanoTime() - start) / 1e9,
                stack.services().stream().map(ServiceProcess::runtime).distinct().toList());
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The services' JVM options: the launcher's defaults (what ./suite and the containers run, so what is measured
     * is what runs) unless BENCH_SERVICE_JVM_OPTS gives others (e.g. to compare JIT settings, or to record a JFR
     * profile: -XX:StartFlightRecording=filename=...).
     */
    private static java.util.List<String> serviceJvmOptions() {
        String given = System.getenv("BENCH_SERVICE_JVM_OPTS");
        return given == null || given.isBlank() ? ServiceProcess.DEFAULT_JVM_OPTIONS
                : java.util.List.of(given.trim().split("\\s+"));
    }

    private static Path root() {
        return Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
    }

    // -Dbench.stack-suffix (e.g. in JAVA_TOOL_OPTIONS): two runs of one benchmark side by side, each its own stack
    private static Path dataDirectory(String name) {
        return root().resolve("bench/target/stack-" + name + System.getProperty("bench.stack-suffix", ""));
    }

    /** Removes what a previous run of the stack of this name left (its database, its broker's logs), if anything. */
    static void removeData(String name) throws IOException {
        Path directory = dataDirectory(name);
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Every process of the stack names this directory on its command line (see {@link ProcessCpu}). */
    Path dataDirectory() {
        return stack.dataDirectory();
    }

    String kafkaBootstrap() {
        return stack.kafkaBootstrap();
    }

    /** Publishes as a service's outbox relay would; recordedAt is now, so latency counts from this moment. */
    Future<RecordMetadata> publish(DomainEvent event, Instant occurredAt) {
        EventEnvelope envelope = EventCodec.envelope(event, occurredAt, "bench", Clock.systemUTC());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventCatalog.metadata(event.getClass()).topic(),
                event.recordKey().toString(), EventCodec.toBytes(envelope));
        CloudEventHeaders.of(envelope).forEach((k, v) -> record.headers().add(k, v));
        return producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    /** JDBC URL, user and password of a service's database, for benchmarks that load projection state in bulk. */
    java.sql.Connection connect(SuiteService service) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(stack.database().jdbcUrl(service.database()),
                stack.database().user(), stack.database().password());
    }

    /** The server's maintenance database, for statistics that span the services' databases. */
    java.sql.Connection connectToServer() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(stack.database().jdbcUrl("postgres"), stack.database().user(),
                stack.database().password());
    }

    fr.capemploi.localstack.TokenMinter tokens() {
        return stack.tokens();
    }

    String token(String role) {
        return stack.tokens().mint(role);
    }

    String token(String role, java.util.UUID structureId) {
        return stack.tokens().mint(role, structureId);
    }

    String baseUri(SuiteService service) {
        return stack.baseUri(service).toString();
    }

    /** The machine's load averages (1, 5, 15 min): every figure is quoted with the load it was taken under. */
    static String load() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "load unknown";
        }
    }

    /**
     * The machine's CPU time so far, in ticks: {@code [idle (with I/O wait), all]} from {@code /proc/stat}. Two of them
     * tell whether a load was bounded by the cores or left them idle.
     */
    static long[] machineTicks() {
        try {
            String[] fields = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                all += Long.parseLong(fields[i]);
            }
            return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), all};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /** The share of the machine's CPU left idle between two {@link #machineTicks()}, e.g. {@code "idle 12 %"}. */
    static String idleSince(long[] before, long[] now) {
        long all = now[1] - before[1];
        return all <= 0 ? "idle unknown" : String.format(java.util.Locale.ROOT, "machine idle %.0f %%",
                100.0 * (now[0] - before[0]) / all);
    }

    /**
     * One timed GET with a token minted beforehand (minting is not part of what is measured); the body is read
     * whole, as a client would. Fails on any status other than 200.
     */
    long timedGet(SuiteService service, String path, String token, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUri(service) + path))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + response.statusCode() + " "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return elapsed;
    }

    /** Sends {@code request}; a failed or interrupted exchange ends the benchmark. */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(SuiteService service, String path, String role) {
        return parse(call(service, path, role, "GET"));
    }

    /** A GET with a token minted once by the caller: a poll loop then costs the service one signature check. */
    JsonNode getWithToken(SuiteService service, String path, String token) {
        return parse(send(service, path, token, "GET"));
    }

    JsonNode post(SuiteService service, String path, String role) {
        return parse(call(service, path, role, "POST"));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** The Prometheus page, on the service's management port. */
    String metrics(SuiteService service) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(
                URI.create(stack.managementUri(service) + "/q/metrics")).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /q/metrics -> " + response.statusCode());
        }
        return response.body();
    }

    long reportingLag() {
        // null (unknown) while the reporting service cannot ask the broker: -1, never "caught up"
        com.fasterxml.jackson.databind.JsonNode status = get(SuiteService.REPORTING, "/api/v1/projections/status",
                "admin");
        com.fasterxml.jackson.databind.JsonNode lag = status.get("totalLag");
        // caught up once the pre-aggregates hold what was applied too: their fold may run after the batches' commits
        // (reporting.projection.fold = concurrent); a service of before has no such field
        com.fasterxml.jackson.databind.JsonNode unfolded = status.get("unfoldedNotes");
        return lag == null || lag.isNull() ? -1 : lag.asLong() + (unfolded == null ? 0 : unfolded.asLong());
    }

    void awaitReportingLagZero(Duration timeout) throws InterruptedException {
        awaitReportingLagZero(timeout, Duration.ofMillis(100));
    }

    /**
     * Waits for the catch-up, looking every {@code every}: each look costs the service a token check, its positions
     * and the topics' end offsets, and the broker a request, charged to what a benchmark measures meanwhile.
     */
    void awaitReportingLagZero(Duration timeout, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lagOrUnknown() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting did not catch up in " + timeout);
            }
            Thread.sleep(every.toMillis());
        }
    }

    /**
     * {@link #reportingLag}, a look that timed out counted as not caught up: on a machine shared by several stacks
     * (load 60-100) a status answer took over the 30 s a request waits, which ended the benchmark mid-run.
     */
    private long lagOrUnknown() {
        try {
            return reportingLag();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                return -1;
            }
            throw e;
        }
    }

    private String call(SuiteService service, String path, String role, String method) {
        return send(service, path, role == null ? null : stack.tokens().mint(role), method);
    }

    private String send(SuiteService service, String path, String token, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUri(service) + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        stack.close();
    }
}
