package fr.capemploi.localstack;

import fr.capemploi.localstack.demo.DemoCommand;
import picocli.CommandLine.Option;

/** The options of the demo load, on {@code demo} and on {@code up --demo}; unset ones take their default. */
final class DemoOptions {

    @Option(names = "--scale", paramLabel = "S", description = "share of the national network to load")
    Double scale;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the generated network")
    Long seed;

    @Option(names = "--concurrency", paramLabel = "C", description = "requests in flight")
    Integer concurrency;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "how long to wait for reporting")
    Long timeout;

    boolean given() {
        return scale != null || seed != null || concurrency != null || timeout != null;
    }

    DemoCommand.Options options() {
        return DemoCommand.Options.of(scale, seed, concurrency, timeout);
    }
}
