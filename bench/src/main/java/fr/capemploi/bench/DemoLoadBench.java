package fr.capemploi.bench;

import fr.capemploi.localstack.SuiteService;
import fr.capemploi.localstack.demo.DemoCommand;
import java.io.PrintStream;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * The demo's load ({@code ./suite demo}) against a stack of its own: its rate, and the CPU each demo request costs
 * each process of the suite (the services, PostgreSQL, the broker, the loader itself, in this JVM), from the
 * first request until the reporting service has applied every event. The figure to compare with the bare write path
 * ({@code WritePath}): what a demo request costs beyond a plain write.
 */
public final class DemoLoadBench {

    public static void main(String[] args) {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.02;
        Integer concurrency = args.length > 1 ? Integer.valueOf(args[1]) : null;
        try (BenchStack stack = new BenchStack("demo", SuiteService.values())) {
            Map<SuiteService, URI> services = new EnumMap<>(SuiteService.class);
            for (SuiteService service : SuiteService.values()) {
                services.put(service, URI.create(stack.baseUri(service)));
            }
            DemoCommand.Options options = DemoCommand.Options.of(scale, null, concurrency, null);
            ProcessCpu cpu = new ProcessCpu(stack.dataDirectory());
            String loadBefore = BenchStack.load();
            var start = cpu.snapshot();
            DemoCommand.Run run = DemoCommand.run(services, stack.tokens(), options, new PrintStream(System.out, true),
                    false);
            var end = cpu.snapshot();
            long requests = run.load().requests();
            System.out.printf("Demo scale %s, %d in flight: %,d requests in %.1f s = %.0f requests/s (%,d retried, "
                            + "%d failed), every event applied after %.1f s; calibration %s (%s before, %s after)%n",
                    scale, options.concurrency(), requests, run.load().duration().toMillis() / 1000.0,
                    run.load().requestsPerSecond(), run.load().retried(), run.load().failures(),
                    run.untilApplied().toMillis() / 1000.0, run.succeeded() ? "all ✓" : "NOT all ✓", loadBefore,
                    BenchStack.load());
            System.out.println("  " + ProcessCpu.perOperation("demo request", start, end, requests));
            System.out.println("  resident memory (MiB): " + cpu.residentMebibytes());
            if (!run.succeeded()) {
                System.exit(1);
            }
        }
    }
}
