package fr.capemploi.localstack;

import fr.capemploi.localstack.demo.DemoCommand;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./suite up}: starts the stack in this JVM and keeps it until Ctrl-C (or {@code ./suite down}). */
@Command(name = "up", description = "Start PostgreSQL, Kafka and the four services; Ctrl-C stops them.")
final class UpCommand extends LauncherCommand {

    private static final String READY_BANNER = "Suite ready in";

    @Option(names = "--brokers", paramLabel = "COUNT", defaultValue = "1",
            description = "Kafka nodes: 1, or 3 (topics replicated three times)")
    int brokers;

    @Option(names = "--instances", paramLabel = "COUNT", defaultValue = "1", description = "instances of each service")
    int instances;

    @Option(names = "--demo", description = "then load the demo network")
    boolean loadDemo;

    @Mixin
    DemoOptions demoOptions;

    @Override
    int run() {
        if (!loadDemo && demoOptions.given()) {
            throw new IllegalArgumentException("--scale, --seed, --concurrency and --timeout go with --demo");
        }
        DemoCommand.Options demo = loadDemo ? demoOptions.options() : null;
        Path run = dataDirectory.resolve("run");
        Optional<ProcessHandle> running = runningLauncher();
        if (running.isPresent()) {
            err.println("suite: a stack is already running from " + dataDirectory + " (pid " + running.get().pid()
                    + "); see ./suite status, stop it with ./suite down or Ctrl-C in its terminal");
            return 1;
        }
        configureLauncherLog();

        ProgressBoard board = new ProgressBoard(out, ProgressBoard.terminalCanRedraw());
        LocalStack stack;
        try {
            stack = stackBuilder().brokers(brokers).instances(instances).listener(board).build();
        } catch (RuntimeException e) {
            err.println("suite: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean startFailed = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            board.endStartup();
            if (!startFailed.get()) {
                out.println();
                out.println("Stopping the stack...");
            }
            stack.close();
            // anything a child spawned and left behind is still a descendant of this JVM
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            deleteQuietly(run.resolve("launcher.pid"));
            deleteQuietly(run.resolve("stack.properties"));
            if (!startFailed.get()) {
                out.println("Stopped.");
            }
            out.flush();
            stopped.countDown();
        }, "suite-shutdown"));

        try {
            Files.createDirectories(run);
            Files.writeString(run.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            err.println("suite: cannot write to " + run + ": " + e.getMessage());
            return 1;
        }

        out.println("Starting the suite (data: " + dataDirectory + ", logs: " + dataDirectory.resolve("logs")
                + ")");
        List<String> leftovers = stack.endLeftovers();
        if (!leftovers.isEmpty()) {
            out.println("Ended what a previous launcher (killed without cleaning up) had left running: "
                    + String.join(", ", leftovers));
        }
        board.beginStartup();
        try {
            stack.start();
        } catch (StackStartException e) {
            startFailed.set(true);
            board.endStartup();
            err.println();
            err.println("suite: start-up failed: " + e.getMessage());
            return 1;
        }
        board.endStartup();
        printSummary(stack);
        writeStackProperties(stack, run.resolve("stack.properties"));
        if (demo != null) {
            Map<SuiteService, URI> services = new java.util.EnumMap<>(SuiteService.class);
            stack.services().forEach(s -> services.put(s.service(), s.baseUri()));
            try {
                DemoCommand.run(services, stack.tokens(), demo, out, ProgressBoard.terminalCanRedraw());
            } catch (RuntimeException e) {
                err.println("suite: demo load failed: " + e.getMessage());
            }
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void printSummary(LocalStack stack) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(nl);
        text.append(String.format(Locale.ROOT, "%s %.1f s (%s)%n", READY_BANNER,
                stack.startupTime().toMillis() / 1000.0,
                stack.componentStartupTimes().entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue().toMillis() / 1000.0))
                        .collect(Collectors.joining(", "))));
        text.append(nl);
        for (ServiceProcess service : stack.services()) {
            String base = service.baseUri().toString();
            text.append(String.format(Locale.ROOT, "  %-20s %-24s Swagger UI %s/q/swagger-ui%n",
                    service.name(), base, base));
            text.append(String.format(Locale.ROOT, "  %-20s %s/q/health/ready, %s/q/metrics%n", "  management",
                    service.managementUri(), service.managementUri()));
            if (service.service() == SuiteService.REPORTING) {
                text.append(String.format(Locale.ROOT, "  %-20s %s/   (token: ./suite token analyst)%n",
                        "  dashboard", base));
                text.append(String.format(Locale.ROOT, "  %-20s %s/api/v1/indicators%n", "  indicators", base));
            }
        }
        stack.services().stream().map(ServiceProcess::runtime).distinct().forEach(runtime -> text.append(
                String.format(Locale.ROOT, "  %-20s %s%n", "services' JDK", runtime)));
        String databases = stack.services().stream().map(s -> s.service().database()).distinct()
                .collect(Collectors.joining(", "));
        text.append(String.format(Locale.ROOT, "  %-20s %s%s, user %s%n", "postgres", stack.database().describe(),
                databases.isEmpty() ? "" : "  databases " + databases, stack.database().user()));
        text.append(String.format(Locale.ROOT, "  %-20s %s  topics %s (+ .dlq)%n", "kafka", stack.kafkaBootstrap(),
                TopicSpec.SUITE_TOPICS.stream().map(TopicSpec::name).filter(n -> !n.endsWith(".dlq"))
                        .collect(Collectors.joining(", "))));
        text.append(nl);
        text.append("Tokens (RS256, valid ").append(TokenMinter.LIFESPAN.toHours()).append(" h; roles ")
                .append(String.join(", ", TokenMinter.ROLES)).append("):").append(nl);
        text.append("  ./suite token admin").append(nl);
        text.append("  ./suite token counsellor <STRUCTURE_ID>").append(nl);
        stack.services().stream().filter(s -> s.service() == SuiteService.BENEFICIARY).findFirst()
                .ifPresent(s -> text.append("  curl -H \"Authorization: Bearer $(./suite token admin)\" ")
                        .append(s.baseUri()).append("/api/v1/structures").append(nl));
        text.append(nl);
        boolean detached = "1".equals(env.get("SUITE_DETACHED"));
        text.append("Logs in ").append(dataDirectory.resolve("logs")).append(". ")
                .append(detached ? "./suite down stops everything." : "Ctrl-C stops everything.").append(nl);
        out.print(text);
        out.flush();
    }

    private void writeStackProperties(LocalStack stack, Path file) {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        properties.setProperty("data", dataDirectory.toString());
        properties.setProperty("postgres", stack.database().describe());
        if (stack.database() instanceof EmbeddedDatabase embedded) {
            properties.setProperty("postgres.port", Integer.toString(embedded.port()));
        }
        properties.setProperty("kafka", stack.kafkaBootstrap());
        stack.brokers().forEach(b -> properties.setProperty("kafka.node." + b.name(), b.bootstrapServers()));
        for (ServiceProcess service : stack.services()) {
            properties.setProperty("service." + service.name(), service.baseUri().toString());
            properties.setProperty("management." + service.name(), service.managementUri().toString());
        }
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "running stack, written by ./suite up; read by ./suite status");
        } catch (IOException e) {
            err.println("suite: cannot write " + file + ": " + e.getMessage());
        }
    }
}
