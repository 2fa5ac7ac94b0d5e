package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.demo.DemoCommand;
import java.io.PrintStream;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * The demo's load ({@code ./suite demo}) against a stack of its own: its rate, and the CPU each demo request costs
 * each process of the suite (the services, PostgreSQL, the broker, the loader itself, in this JVM), from the
 * first request until the reporting service has applied every event. The figure to compare with the bare write path
 * ({@code WritePath}): what a demo request costs beyond a plain write. Each minute and the whole run also print the
 * services' resident peaks (sampled twice a second, {@link ResidentPeaks}): #11 bounds them, and a burst of a minute
 * (a heap grown once and kept) is what the figure at the end alone cannot date.
 */
public final class DemoLoadBench {

    /** CPU per process and requests per service at one instant. */
    private record Window(Map<String, Long> cpu, Map<SuiteService, Long> requests) {

        String since(Window before) {
            long total = 0;
            StringJoiner own = new StringJoiner(", ", "; CPU per own request: ", "");
            for (SuiteService service : requests.keySet()) {
                long sent = requests.get(service) - before.requests.getOrDefault(service, 0L);
                total += sent;
                long ticks = cpu.getOrDefault(service.moduleName(), 0L)
                        - before.cpu.getOrDefault(service.moduleName(), 0L);
                own.add(String.format(Locale.ROOT, "%s %,d requests %.2f ms", service.moduleName(), sent,
                        sent == 0 ? 0 : ticks * 10.0 / sent));
            }
            return String.format(Locale.ROOT, "%,d requests (%.0f/s); ", total, total / 60.0)
                    + ProcessCpu.perOperation("demo request", before.cpu, cpu, total) + own;
        }
    }

    /**
     * The live channel's batches and the pre-aggregates' folds of reporting's folding thread: a fold's cost is
     * mostly per call and per person it recomputes, so how many batches each fold took matters as much as its time.
     */
    private static String folds(MetricsWindow reporting, long requests) {
        double batches = reporting.increase("projection_channel_batch_records_count", "channel=\"projections\"");
        double records = reporting.increase("projection_channel_batch_records_sum", "channel=\"projections\"");
        double folds = reporting.increase("reporting_pre_aggregates_fold_seconds_count", "");
        double seconds = reporting.increase("reporting_pre_aggregates_fold_seconds_sum", "");
        return String.format(Locale.ROOT, "  reporting's live channel: %,.0f batches (%.3f per demo request), %.1f "
                + "records a batch; folds of the folding thread: %,.0f (%.3f per demo request), %.2f ms a fold (wall), "
                + "%.1f batches a fold", batches, batches / Math.max(1, requests), records / Math.max(1, batches),
                folds, folds / Math.max(1, requests), seconds * 1000 / Math.max(1, folds), batches / Math.max(1, folds));
    }

    public static void main(String[] args) throws Exception {
        // Quarkus' log manager (on this JVM's classpath through test-support) answers the JDK's System.Logger as
        // loggable at every level: a JDK HttpClient then formats each of its debug messages (16 % of the loader's
        // samples while the loader used one; since 2026-12-06 only the stack's readiness polls do). ./suite demo's JVM
        // has no such manager (java.util.logging, INFO): measure as users run it.
        LogContext.getLogContext().getLogger("jdk.internal.httpclient.debug").setLevel(Level.OFF);
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.02;
        Integer concurrency = args.length > 1 ? Integer.valueOf(args[1]) : null;
        // from an empty stack every time: the demo's requests carry idempotency keys from its seed, so a database kept
        // from a run before answers most of them as replays (s44's first scale-1 run: 570,371 of 805,138), which is
        // not the load this measures
        BenchStack.removeData("demo");
        try (BenchStack stack = new BenchStack("demo", SuiteService.values())) {
            Map<SuiteService, URI> services = new EnumMap<>(SuiteService.class);
            for (SuiteService service : SuiteService.values()) {
                services.put(service, URI.create(stack.baseUri(service)));
            }
            DemoCommand.Options options = DemoCommand.Options.of(scale, null, concurrency, null);
            ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
            ResidentPeaks resident = new ResidentPeaks(new ProcessCpu(stack.dataDirectory()));
            DatabaseActivity database = new DatabaseActivity(stack);
            var databaseBefore = database.snapshot(true);
            var tablesBefore = database.writeTables();
            String reportingBefore = stack.metrics(SuiteService.REPORTING);
            String loadBefore = BenchStack.load();
            var start = cpu.snapshot();
            long[] startTicks = BenchStack.machineTicks();
            // the figures of each minute too: the whole run holds the services' warm-up and the final catch-up
            ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "demo-bench-minutes");
                thread.setDaemon(true);
                return thread;
            });
            DemoCommand.Run run;
            Window[] first = new Window[1];
            fr.capemploi.localstack.demo.DemoLoad[] loaded = new fr.capemploi.localstack.demo.DemoLoad[1];
            try {
                run = DemoCommand.run(services, stack.tokens(), options, new PrintStream(System.out, true), false,
                        load -> {
                            loaded[0] = load;
                            first[0] = new Window(start, load.requestsSent());
                            Window[] last = {first[0]};
                            long[][] lastTicks = {BenchStack.machineTicks()};
                            every.scheduleAtFixedRate(() -> {
                                Window now = new Window(cpu.snapshot(), load.requestsSent());
                                long[] ticks = BenchStack.machineTicks();
                                // idle cores in a minute: the load, not the CPU per request, bounded its rate
                                System.out.println("  last minute: " + now.since(last[0]) + " ("
                                        + BenchStack.idleSince(lastTicks[0], ticks) + ", " + BenchStack.load() + "); "
                                        + resident.line());
                                last[0] = now;
                                lastTicks[0] = ticks;
                            }, 60, 60, TimeUnit.SECONDS);
                        });
            } finally {
                every.shutdownNow();
                resident.close();
            }
            var end = cpu.snapshot();
            long requests = run.load().requests();
            System.out.printf("Demo scale %s, %d in flight: %,d requests in %.1f s = %.0f requests/s (%,d retried, "
                            + "%d failed), every event applied after %.1f s; calibration %s (%s before, %s after)%n",
                    scale, options.concurrency(), requests, run.load().duration().toMillis() / 1000.0,
                    run.load().requestsPerSecond(), run.load().retried(), run.load().failures(),
                    run.untilApplied().toMillis() / 1000.0, run.succeeded() ? "all ✓" : "NOT all ✓", loadBefore,
                    BenchStack.load());
            System.out.println("  whole run: " + new Window(end, loaded[0].requestsSent()).since(first[0])
                    .replaceFirst("\\([^)]*/s\\); ", "") + " (" + BenchStack.idleSince(startTicks,
                    BenchStack.machineTicks()) + ")");
            System.out.println("  resident memory (MiB): " + cpu.residentMebibytes() + "; peak over the whole run "
                    + "(sampled every 0.5 s): " + resident.wholeRun());
            System.out.println(DatabaseActivity.perRequest(databaseBefore, database.snapshot(false), requests));
            System.out.println(database.topStatements(requests, 40));
            System.out.println(database.statementsPerDatabase(requests, "demo request"));
            System.out.println(DatabaseActivity.tableChanges(tablesBefore, database.writeTables(), 30));
            System.out.println(folds(new MetricsWindow(reportingBefore, stack.metrics(SuiteService.REPORTING)),
                    requests));
            // every statement, to rank them per database and to compare two runs afterwards
            database.dumpStatements(stack.dataDirectory().resolve("statements.tsv"));
            if (!run.succeeded()) {
                System.exit(1);
            }
        }
    }
}
