package fr.capemploi.systemtests;

import fr.capemploi.localstack.KafkaBroker;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.systemtests.SuiteApi.Created;
import fr.capemploi.systemtests.SuiteApi.StructureCount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thin slice end to end: a structure registered in beneficiary-service reaches the reporting service's
 * {@code structures-registered} indicator through Kafka, exactly once, also across a broker outage and service
 * crashes. One stack (one PostgreSQL server, one broker, four service processes) serves the three scenarios; each
 * scenario measures relative to what it reads first and leaves the stack running for the next one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThinSliceSystemTest {

    private static final String REGION = "11";
    private static final String DEPARTMENT = "75";
    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final Duration RESTART = Duration.ofMinutes(3);

    private LocalStack stack;
    private SuiteApi api;

    @BeforeAll
    void startStack() throws IOException {
        stack = SystemStacks.start("");
        api = new SuiteApi(stack);
    }

    @AfterAll
    void stopStack() {
        SystemStacks.stop(stack);
    }

    /** A scenario that failed half-way must not leave the broker or a service down for the next one. */
    @BeforeEach
    void everythingRunning() {
        stack.ensureRunning();
    }

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
        Created created = api.createStructure(SuiteApi.uniqueCode(), "Cap emploi Paris (outage)", REGION, DEPARTMENT);
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
     * Issue 18 on this running stack rather than on one of its own (a boot costs more than the journey): an erased
     * person's records refuse every write of cep-service and cpf-service, and their structure's figures stay as they
     * were. Structures of its own, so the counts above are not affected beyond the settled reads they start with.
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
