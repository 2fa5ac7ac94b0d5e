package fr.capemploi.systemtests;

import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.demo.CalibrationReport;
import fr.capemploi.localstack.demo.DemoCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo network end to end, through the code path of {@code ./suite demo}: a small scale is loaded into four
 * service processes through their REST APIs only; the reporting service's indicators and CNEFOP rows must equal what
 * the generator computed from the data it sent and lie within the seed's tolerances; a second run sends the same
 * requests and adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNetworkSystemTest {

    private static final double SCALE = 0.002;
    private static final long SEED = 7;

    private LocalStack stack;
    private Map<SuiteService, URI> services;

    @BeforeAll
    void startStack() throws IOException {
        stack = SystemStacks.start("-demo");
        services = new EnumMap<>(SuiteService.class);
        for (ServiceProcess service : stack.services()) {
            services.put(service.service(), service.baseUri());
        }
    }

    @AfterAll
    void stopStack() {
        SystemStacks.stop(stack);
    }

    @Test
    void theReportedFiguresAreThoseOfTheDataSentAndReproduceTheSeedAndASecondRunAddsNothing() {
        DemoCommand.Options options = new DemoCommand.Options(SCALE, SEED, 16, Duration.ofMinutes(3));

        DemoCommand.Run first = DemoCommand.run(services, stack.tokens(), options, log(), false);

        assertEquals(0, first.load().failures(), "requests refused: " + first.load().firstFailures());
        assertTrue(first.table().settled(), "the reporting service did not reach the expected figures in time");
        assertTrue(first.eventsPublished() > 0, "the load published no event");
        for (CalibrationReport.Row row : first.table().rows()) {
            String what = row.calibration().label() + " (" + row.calibration().period() + ")";
            assertEquals(0, row.expected().compareTo(row.reported()),
                    what + ": expected " + row.expected() + " from the data sent, reported " + row.reported());
            assertTrue(row.withinTolerance(SCALE), what + ": " + row.reported() + " is not within the tolerance of "
                    + row.target());
        }
        for (CalibrationReport.Coverage coverage : first.table().coverage()) {
            assertEquals(coverage.expected(), coverage.contributing(), "declarations counted for " + coverage.period());
            assertEquals(102, coverage.registered());
        }

        DemoCommand.Run second = DemoCommand.run(services, stack.tokens(), options, log(), false);

        assertEquals(0, second.load().failures(), "re-run refused: " + second.load().firstFailures());
        assertEquals(0, second.eventsPublished(), "the second run published events");
        assertTrue(second.load().replayed() > 0, "the second run's POSTs were not answered as replays");
        for (int i = 0; i < first.table().rows().size(); i++) {
            CalibrationReport.Row before = first.table().rows().get(i);
            CalibrationReport.Row after = second.table().rows().get(i);
            assertEquals(0, before.reported().compareTo(after.reported()),
                    before.calibration().label() + " changed after the second run");
        }
    }

    private static PrintStream log() {
        return System.err;
    }
}
