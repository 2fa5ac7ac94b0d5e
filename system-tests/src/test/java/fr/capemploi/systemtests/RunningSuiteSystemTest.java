package fr.capemploi.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.capemploi.localstack.ComponentState;
import fr.capemploi.localstack.EmbeddedDatabase;
import fr.capemploi.localstack.KafkaBroker;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.systemtests.SuiteApi.Created;
import fr.capemploi.systemtests.SuiteApi.StructureCount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The journeys that can share one running suite (one PostgreSQL server, one broker, four service processes): a boot
 * of the suite costs more CPU than most journeys, and CI runs on 2 cores. Every scenario measures relative to what it
 * reads first, leaves the suite running for the next one (or the {@code @BeforeEach} brings back what a scenario that
 * failed half-way left down), and so runs alone or in any order. The demo network keeps a suite of its own (it checks
 * national figures against exactly the data it sent), and so does the two-of-everything suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunningSuiteSystemTest {

    private static final String REGION = "11";
    private static final String DEPARTMENT = "75";
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final Duration RESTART = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** Every failure the stack reported, in order: a scenario reads only those after its own fault. */
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private Path data;
    private LocalStack stack;
    private SuiteApi api;

    @BeforeAll
    void startStack() throws IOException {
        data = SystemStacks.dataFolder("");
        stack = SystemStacks.builder("", "stack", (component, state, detail) -> {
            if (state == ComponentState.FAILED) {
                reported.add(component + ": " + detail);
            }
        }).build();
        stack.start();
        System.err.printf("[stack] ready in %d ms: %s%n", stack.startupTime().toMillis(),
                stack.componentStartupTimes());
        api = new SuiteApi(stack);
    }

    @AfterAll
    void stopStack() {
        SystemStacks.stop(stack);
    }

    /** A scenario that failed half-way must not leave the database, the broker or a service down for the next one. */
    @BeforeEach
    void everythingRunning() {
        if (stack.database() instanceof EmbeddedDatabase embedded && !embedded.isRunning()) {
            suite("restart", "postgres");
        }
        stack.ensureRunning();
    }

    /**
     * The thin slice end to end: a structure registered in beneficiary-service reaches the reporting service's
     * {@code structures-registered} indicator through Kafka, exactly once, also across a broker outage and service
     * crashes.
     */
    @Nested
    class ThinSlice {

        @Test
        void structureIsCountedNationallyAndInItsRegion() {
            StructureCount before = settledCount();

            Created created = api.createStructure(SuiteApi.uniqueCode(), "Cap emploi Paris", REGION, DEPARTMENT);

            assertEquals(201, created.status(), created.body());
            await("structure counted by reporting").atMost(PROPAGATION).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertEquals(before.plus(1), api.structuresRegistered(REGION)));
        }

        @Test
        void structureCreatedWhileTheBrokerIsDownIsCountedOnceItIsBack() {
            KafkaBroker broker = stack.broker().orElseThrow();
            StructureCount before = settledCount();

            broker.stop();
            Created created = api.createStructure(SuiteApi.uniqueCode(), "Cap emploi Paris (outage)", REGION,
                    DEPARTMENT);
            assertEquals(201, created.status(), "the outbox must accept writes without a broker: " + created.body());
            broker.start();
            broker.awaitReady(RESTART);

            await("structure counted after the broker came back").atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertEquals(before.plus(1), api.structuresRegistered(REGION)));
        }

        @Test
        void structuresCreatedWhileReportingIsDownAreCountedExactlyOnceAfterItsRestart() {
            ServiceProcess reporting = stack.service(SuiteService.REPORTING);
            ServiceProcess beneficiary = stack.service(SuiteService.BENEFICIARY);
            StructureCount before = settledCount();
            int n = 5;

            reporting.kill();
            beneficiary.restart(RESTART);
            for (int i = 0; i < n; i++) {
                Created created = api.createStructure(SuiteApi.uniqueCode(), "Cap emploi " + i, REGION, DEPARTMENT);
                assertEquals(201, created.status(), created.body());
            }
            reporting.start();
            reporting.awaitReady(RESTART);

            await("structures counted after reporting restarted").atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertEquals(before.plus(n), api.structuresRegistered(REGION)));
            await("reporting caught up with beneficiary.events").atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> api.projectionLag("beneficiary.events") == 0);
            assertEquals(before.plus(n), api.structuresRegistered(REGION), "a redelivered event was counted twice");
        }

        /**
         * Issue 18 on this running stack rather than on one of its own (a boot costs more than the journey): an
         * erased person's records refuse every write of cep-service and cpf-service, and their structure's figures
         * stay as they were. Structures of its own, so the other counts are not affected beyond the settled reads
         * they start with.
         */
        @Test
        void anErasedPersonIsNoLongerWrittenAboutAnywhereAndTheFiguresStay() {
            new ErasedPersonJourney(api).run();
        }

        /** What reporting counts once it has applied everything already published. */
        private StructureCount settledCount() {
            await("reporting caught up with beneficiary.events").atMost(PROPAGATION)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> api.projectionLag("beneficiary.events") == 0);
            return api.structuresRegistered(REGION);
        }
    }

    /**
     * The operator's commands on a running stack: {@code ./suite restart postgres|kafka|<service>} (run through the
     * same {@code Main} as the script, against the stack's data folder) brings the component back and the suite keeps
     * recording; a service that dies is reported with the end of its log.
     */
    @Nested
    class SuiteRestart {

        @Test
        void restartBringsEachKindOfComponentBackAndWritesGoOn() {
            assertEquals(201, api.createStructure(SuiteApi.uniqueCode(), "Avant", REGION, DEPARTMENT).status());

            for (String component : List.of("postgres", "kafka", "reporting")) {
                long reportingPid = stack.service(SuiteService.REPORTING).pid();
                SuiteCommand restart = suite("restart", component);
                assertEquals(0, restart.exit(), restart.err());
                assertTrue(restart.out().contains(component + " restarted in"), restart.out());
                if (component.equals("reporting")) {
                    assertNotEquals(reportingPid, stack.service(SuiteService.REPORTING).pid());
                }
                // a write after the restart is recorded (the pools reconnect; a 503 meanwhile is retried, as
                // clients do)
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                        api.createStructure(SuiteApi.uniqueCode(), "Après " + component, REGION, DEPARTMENT)
                                .status() == 201);
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.projectionLag("beneficiary.events") == 0);

            SuiteCommand unknown = suite("restart", "nothing");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.err().contains("unknown component 'nothing'"), unknown.err());
        }

        @Test
        void withoutTheBrokerEveryServiceStaysReadyWithoutPostgresEachAnswers503() throws Exception {
            stack.broker().orElseThrow().stop();
            for (SuiteService service : SuiteService.values()) {
                assertEquals(200, get(service, "/q/health/ready", null).statusCode(),
                        service + " ready without broker");
            }
            HttpResponse<String> status = get(SuiteService.REPORTING, "/api/v1/projections/status",
                    stack.tokens().mint("analyst"));
            assertEquals(200, status.statusCode(), status.body());
            assertTrue(status.body().contains("\"brokerAvailable\":false"), status.body());
            assertEquals(0, suite("restart", "kafka").exit());

            stack.database().close();
            UUID structure = UUID.randomUUID();
            String counsellor = stack.tokens().mint("counsellor", structure);
            Map<SuiteService, HttpResponse<String>> answers = Map.of(
                    SuiteService.BENEFICIARY, get(SuiteService.BENEFICIARY, "/api/v1/structures",
                            stack.tokens().mint("admin")),
                    SuiteService.CEP, get(SuiteService.CEP, "/api/v1/cep/accompaniments/" + UUID.randomUUID(),
                            counsellor),
                    SuiteService.CPF, get(SuiteService.CPF, "/api/v1/cpf/accounts/" + UUID.randomUUID(), counsellor),
                    SuiteService.REPORTING, get(SuiteService.REPORTING, "/api/v1/indicators",
                            stack.tokens().mint("analyst")));
            answers.forEach((service, answer) -> {
                assertEquals(503, answer.statusCode(), service + ": " + answer.body());
                assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null), service.toString());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json"));
            });
            for (SuiteService service : SuiteService.values()) {
                assertEquals(503, get(service, "/q/health/ready", null).statusCode(),
                        service + " ready without database");
            }

            assertEquals(0, suite("restart", "postgres").exit());
            for (SuiteService service : SuiteService.values()) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> get(service, "/q/health/ready", null).statusCode() == 200);
            }
            assertEquals(201, api.createStructure(SuiteApi.uniqueCode(), "Après la panne", REGION, DEPARTMENT)
                    .status());
        }

        @Test
        void aServiceThatDiesIsReportedWithTheEndOfItsLog() {
            int earlier = reported.size();
            long pid = stack.service(SuiteService.CPF).pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> cpfReport(earlier) != null);
            String report = cpfReport(earlier);
            assertTrue(report.contains("exited with code") && report.contains("last lines:"), report);
            assertTrue(report.lines().count() > 3, report);

            SuiteCommand restart = suite("restart", "cpf");
            assertEquals(0, restart.exit(), restart.err());
            assertTrue(stack.service(SuiteService.CPF).isReady());
        }

        /** The first failure of cpf-service reported after the {@code earlier} first reports, or null. */
        private String cpfReport(int earlier) {
            List<String> since = List.copyOf(reported);
            return since.subList(Math.min(earlier, since.size()), since.size()).stream()
                    .filter(r -> r.startsWith("cpf-service")).findFirst().orElse(null);
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
    }

    private SuiteCommand suite(String... args) {
        return SuiteCommand.run(data, args);
    }
}
