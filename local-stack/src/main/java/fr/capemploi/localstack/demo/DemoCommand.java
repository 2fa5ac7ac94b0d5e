package fr.capemploi.localstack.demo;

import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.TokenMinter;
import fr.capemploi.localstack.demo.DemoLoad.Outcome;
import fr.capemploi.localstack.demo.DemoLoad.Target;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * {@code ./suite demo [--scale S] [--seed N] [--concurrency C]}: plans the national demo network, loads it into the
 * running suite, waits for the reporting service and prints the calibration table. Also run by
 * {@code ./suite up --demo} once the stack is up.
 */
public final class DemoCommand {

    /** Loads in a few minutes on a 2-core machine (measured: see local-stack/README.md). */
    public static final double DEFAULT_SCALE = 0.01;
    public static final long DEFAULT_SEED = 2016;
    public static final int DEFAULT_CONCURRENCY = 24;

    /** The options of the command line. */
    public record Options(double scale, long seed, int concurrency, Duration settleTimeout) {

        /** The options as given on the command line, checked; a null is the default. */
        public static Options of(Double scale, Long seed, Integer concurrency, Long timeoutSeconds) {
            double chosenScale = scale == null ? DEFAULT_SCALE : scale;
            int chosenConcurrency = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
            if (chosenScale < NetworkPlanner.MIN_SCALE || chosenScale > NetworkPlanner.MAX_SCALE) {
                throw new IllegalArgumentException("--scale must be between " + NetworkPlanner.MIN_SCALE + " and "
                        + NetworkPlanner.MAX_SCALE);
            }
            if (chosenConcurrency < 1 || chosenConcurrency > 128) {
                throw new IllegalArgumentException("--concurrency must be between 1 and 128");
            }
            return new Options(chosenScale, seed == null ? DEFAULT_SEED : seed, chosenConcurrency,
                    Duration.ofSeconds(timeoutSeconds == null ? 600 : timeoutSeconds));
        }
    }

    /** What the command measured, for the notes and the system test. */
    public record Run(NetworkPlan plan, Outcome load, long eventsPublished, Duration untilApplied,
            CalibrationReport.Result table) {
        public double eventsPerSecond() {
            return untilApplied.toMillis() == 0 ? 0 : eventsPublished * 1000.0 / untilApplied.toMillis();
        }

        public boolean succeeded() {
            return load.failures() == 0 && table.settled() && table.allWithinTolerance();
        }
    }

    private DemoCommand() {
    }

    /** The services of a stack started with {@code ./suite up}, from its {@code run/stack.properties}. */
    public static Map<SuiteService, URI> runningStack(Path dataDirectory) {
        Path file = dataDirectory.resolve("run/stack.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no running stack in " + dataDirectory + " (start it with ./suite up -d)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        Map<SuiteService, URI> services = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            String uri = properties.getProperty("service." + service.moduleName());
            if (uri == null) {
                throw new IllegalArgumentException("the running stack has no " + service.moduleName()
                        + " (the demo needs the four services)");
            }
            services.put(service, URI.create(uri));
        }
        return services;
    }

    /** Plans, loads, waits for reporting and prints the table. */
    public static Run run(Map<SuiteService, URI> services, TokenMinter tokens, Options options, PrintStream out,
            boolean redraw) {
        return run(services, tokens, options, out, redraw, load -> {
        });
    }

    /** As {@link #run(Map, TokenMinter, Options, PrintStream, boolean)}; {@code watch} gets the load as it starts. */
    public static Run run(Map<SuiteService, URI> services, TokenMinter tokens, Options options, PrintStream out,
            boolean redraw, Consumer<DemoLoad> watch) {
        Target target = new Target(services, tokens);
        long planning = System.nanoTime();
        NetworkPlan plan = NetworkPlanner.plan(options.scale(), options.seed());
        out.printf(Locale.ROOT, "Demo network (scale %s, seed %d), planned in %.1f s: %d structures, %d counsellors, "
                        + "%,d people, %,d anonymous level-1 contacts, %d declarations; about %,d requests.%n",
                NetworkPlan.scaleText(options.scale()), options.seed(), (System.nanoTime() - planning) / 1e9,
                plan.structures().size(), plan.counsellors().size(), plan.people().size(),
                plan.anonymousContacts().size(), plan.declarations().size(), plan.requestEstimate());
        // one HTTP client for the load and the calibration, its event loop ended with the run
        try (DemoHttp http = new DemoHttp(options.concurrency())) {
            CalibrationReport report = new CalibrationReport(target, plan, http);
            long eventsBefore = report.publishedEvents();
            DemoLoad load = new DemoLoad(target, plan, options.concurrency(), out, http);
            long started = System.nanoTime();
            watch.accept(load);
            Outcome outcome = load.load(redraw);
            out.printf(Locale.ROOT, "Loaded in %s: %,d HTTP requests (%.0f requests/s, %d in flight at most), %,d "
                            + "answered as replays of an earlier run, %,d retried, %d failed.%n",
                    LoadProgress.duration(outcome.duration().toMillis() / 1000.0), outcome.requests(),
                    outcome.requestsPerSecond(), options.concurrency(), outcome.replayed(), outcome.retried(),
                    outcome.failures());
            outcome.firstFailures().forEach(f -> out.println("  failed: " + f));
            long foreign = load.foreignStructures();
            if (foreign > 0) {
                out.printf(Locale.ROOT, "Note: the directory holds %d structures that are not part of this demo "
                        + "network (another seed or hand-made): the reported figures include them.%n", foreign);
            }
            out.println("Waiting for the reporting service to apply every event...");
            CalibrationReport.Result table = report.await(options.settleTimeout());
            Duration untilApplied = Duration.ofNanos(System.nanoTime() - started);
            long events = report.publishedEvents() - eventsBefore;
            out.printf(Locale.ROOT, "%,d events published and applied in %s since the load began "
                            + "(%.0f events/s).%n%n", events, LoadProgress.duration(untilApplied.toMillis() / 1000.0),
                    untilApplied.toMillis() == 0 ? 0 : events * 1000.0 / untilApplied.toMillis());
            CalibrationReport.print(table, out);
            out.flush();
            return new Run(plan, outcome, events, untilApplied, table);
        }
    }
}
