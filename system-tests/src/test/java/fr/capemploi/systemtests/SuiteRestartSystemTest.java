package fr.capemploi.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import fr.capemploi.localstack.ComponentState;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.Main;
import fr.capemploi.localstack.SuiteService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator's commands on a running stack: {@code ./suite restart postgres|kafka|<service>} (run through the same
 * {@code Main} as the script, against the stack's data folder) brings the component back and the suite keeps
 * recording; a service that dies is reported with the end of its log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteRestartSystemTest {

    private final List<String> reported = new CopyOnWriteArrayList<>();
    private Path data;
    private LocalStack stack;
    private SuiteApi api;

    @BeforeAll
    void startStack() throws IOException {
        data = Path.of(System.getProperty("suite.test.data", "target/system-tests-stack") + "-restart");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        stack = LocalStack.builder().dataDirectory(data).randomPorts()
                .listener((component, state, detail) -> {
                    System.err.printf("[stack] %-20s %-9s %s%n", component, state.label(), detail);
                    if (state == ComponentState.FAILED) {
                        reported.add(component + ": " + detail);
                    }
                })
                .build();
        stack.start();
        api = new SuiteApi(stack);
    }

    @AfterAll
    void stopStack() {
        SystemStacks.stop(stack);
    }

    @Test
    void restartBringsEachKindOfComponentBackAndWritesGoOn() {
        assertEquals(201, api.createStructure(SuiteApi.uniqueCode(), "Avant", "11", "75").status());

        for (String component : List.of("postgres", "kafka", "reporting")) {
            long reportingPid = stack.service(SuiteService.REPORTING).pid();
            SuiteCommand restart = suite("restart", component);
            assertEquals(0, restart.exit(), restart.err());
            assertTrue(restart.out().contains(component + " restarted in"), restart.out());
            if (component.equals("reporting")) {
                assertNotEquals(reportingPid, stack.service(SuiteService.REPORTING).pid());
            }
            // a write after the restart is recorded (the pools reconnect; a 503 meanwhile is retried, as clients do)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    api.createStructure(SuiteApi.uniqueCode(), "Après " + component, "11", "75").status() == 201);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> api.projectionLag("beneficiary.events") == 0);

        SuiteCommand unknown = suite("restart", "nothing");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("unknown component 'nothing'"), unknown.err());
    }

    /** A scenario that failed half-way must not leave a component down for the next one. */
    @org.junit.jupiter.api.BeforeEach
    void everythingRunning() {
        if (stack.database() instanceof fr.capemploi.localstack.EmbeddedDatabase embedded && !embedded.isRunning()) {
            suite("restart", "postgres");
        }
        stack.ensureRunning();
    }

    @Test
    void withoutTheBrokerEveryServiceStaysReadyWithoutPostgresEachAnswers503() throws Exception {
        stack.broker().orElseThrow().stop();
        for (SuiteService service : SuiteService.values()) {
            assertEquals(200, get(service, "/q/health/ready", null).statusCode(), service + " ready without broker");
        }
        HttpResponse<String> status = get(SuiteService.REPORTING, "/api/v1/projections/status",
                stack.tokens().mint("analyst"));
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(status.body().contains("\"brokerAvailable\":false"), status.body());
        assertEquals(0, suite("restart", "kafka").exit());

        stack.database().close();
        java.util.UUID structure = java.util.UUID.randomUUID();
        String counsellor = stack.tokens().mint("counsellor", structure);
        Map<SuiteService, HttpResponse<String>> answers = Map.of(
                SuiteService.BENEFICIARY, get(SuiteService.BENEFICIARY, "/api/v1/structures", stack.tokens().mint("admin")),
                SuiteService.CEP, get(SuiteService.CEP, "/api/v1/cep/accompaniments/" + java.util.UUID.randomUUID(),
                        counsellor),
                SuiteService.CPF, get(SuiteService.CPF, "/api/v1/cpf/accounts/" + java.util.UUID.randomUUID(), counsellor),
                SuiteService.REPORTING, get(SuiteService.REPORTING, "/api/v1/indicators", stack.tokens().mint("analyst")));
        answers.forEach((service, answer) -> {
            assertEquals(503, answer.statusCode(), service + ": " + answer.body());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null), service.toString());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        });
        for (SuiteService service : SuiteService.values()) {
            assertEquals(503, get(service, "/q/health/ready", null).statusCode(), service + " ready without database");
        }

        assertEquals(0, suite("restart", "postgres").exit());
        for (SuiteService service : SuiteService.values()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> get(service, "/q/health/ready", null).statusCode() == 200);
        }
        assertEquals(201, api.createStructure(SuiteApi.uniqueCode(), "Après la panne", "11", "75").status());
    }

    private HttpResponse<String> get(SuiteService service, String path, String token) throws Exception {
        // health answers on the management interface, the API on its own port
        URI base = path.startsWith("/q/health") ? stack.managementUri(service) : stack.baseUri(service);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aServiceThatDiesIsReportedWithTheEndOfItsLog() {
        long pid = stack.service(SuiteService.CPF).pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> reported.stream().anyMatch(r -> r.startsWith("cpf-service")));
        String report = reported.stream().filter(r -> r.startsWith("cpf-service")).findFirst().orElseThrow();
        assertTrue(report.contains("exited with code") && report.contains("last lines:"), report);
        assertTrue(report.lines().count() > 3, report);

        SuiteCommand restart = suite("restart", "cpf");
        assertEquals(0, restart.exit(), restart.err());
        assertTrue(stack.service(SuiteService.CPF).isReady());
    }

    private SuiteCommand suite(String... args) {
        return SuiteCommand.run(data, args);
    }
}
