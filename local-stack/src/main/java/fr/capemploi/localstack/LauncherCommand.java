package fr.capemploi.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * What every command of {@code ./suite} shares: the settings read from the environment (see local-stack/README.md),
 * the data folder, the output streams, and the ways to reach a running launcher. Picocli fills the command's options,
 * then {@link #call()} takes the rest from {@link Main}.
 */
abstract class LauncherCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    Map<String, String> env;
    PrintStream out;
    PrintStream err;
    Path root;
    Path dataDirectory;

    @Override
    public final Integer call() {
        env = main.env;
        out = main.out;
        err = main.err;
        root = main.root;
        dataDirectory = main.dataDirectory;
        return run();
    }

    /** The command itself; its exit status. */
    abstract int run();

    LocalStack.Builder stackBuilder() {
        LocalStack.Builder builder = LocalStack.builder()
                .dataDirectory(dataDirectory)
                .repositoryRoot(root)
                .jwtIssuer(issuer());
        String dbUrl = blankToNull(env.get("SUITE_DB_URL"));
        if (dbUrl != null) {
            builder.externalDatabase(dbUrl, env.getOrDefault("SUITE_DB_USER", "postgres"),
                    env.getOrDefault("SUITE_DB_PASSWORD", ""));
        }
        String kafka = blankToNull(env.get("SUITE_KAFKA_BOOTSTRAP"));
        if (kafka != null) {
            builder.externalKafka(kafka);
        }
        intFromEnv("SUITE_PG_PORT").ifPresent(builder::postgresPort);
        Optional<Integer> kafkaPort = intFromEnv("SUITE_KAFKA_PORT");
        Optional<Integer> controllerPort = intFromEnv("SUITE_KAFKA_CONTROLLER_PORT");
        if (kafkaPort.isPresent() || controllerPort.isPresent()) {
            int port = kafkaPort.orElse(59092);
            builder.kafkaPorts(port, controllerPort.orElse(port + 1));
        }
        String services = blankToNull(env.get("SUITE_SERVICES"));
        if (services != null) {
            builder.services(parseServices(services));
        }
        javaOptions("SUITE_SERVICE_JAVA_OPTS").ifPresent(builder::serviceJvmOptions);
        javaOptions("SUITE_KAFKA_JAVA_OPTS").ifPresent(builder::kafkaJvmOptions);
        return builder;
    }

    /** Asks the running launcher to do {@code request}; prints its answer, or why it failed. */
    int controlRequest(String request, String what, Duration timeout) {
        String reply;
        try {
            reply = ControlChannel.request(dataDirectory, request, timeout);
        } catch (IllegalStateException e) {
            err.println("suite: " + e.getMessage());
            return 1;
        }
        if (reply.startsWith(ControlChannel.OK)) {
            out.println(reply.substring(ControlChannel.OK.length()).trim());
            return 0;
        }
        err.println("suite: " + what + " failed: " + reply.replaceFirst("^error ", ""));
        return 1;
    }

    Optional<ProcessHandle> runningLauncher() {
        Path pidFile = dataDirectory.resolve("run/launcher.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.pid() != ProcessHandle.current().pid())
                    // a recycled pid belongs to something else: only a launcher JVM counts
                    .filter(handle -> ChildProcess.commandLineContains(handle, "up")
                            && handle.info().command().map(c -> c.endsWith("java")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String issuer() {
        return Optional.ofNullable(blankToNull(env.get("SUITE_JWT_ISSUER"))).orElse(TokenMinter.DEFAULT_ISSUER);
    }

    void configureLauncherLog() {
        // must run before the first logger is created: slf4j-simple reads these once
        Path logs = dataDirectory.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create " + logs + ": " + e.getMessage());
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("launcher.log").toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        // refused connections while a broker restarts are expected; real failures surface as exceptions
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
    }

    private Optional<Integer> intFromEnv(String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number: " + value);
        }
    }

    private Optional<List<String>> javaOptions(String name) {
        String value = blankToNull(env.get(name));
        return value == null ? Optional.empty() : Optional.of(Arrays.asList(value.trim().split("\\s+")));
    }

    static SuiteService[] parseServices(String list) {
        Set<SuiteService> selected = EnumSet.noneOf(SuiteService.class);
        if ("none".equals(list.trim())) {
            // infrastructure only, e.g. to run one service with quarkus:dev against it
            return new SuiteService[0];
        }
        for (String name : list.split("[,\\s]+")) {
            if (name.isBlank()) {
                continue;
            }
            selected.add(Arrays.stream(SuiteService.values())
                    .filter(s -> s.moduleName().equals(name) || s.moduleName().equals(name + "-service"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("SUITE_SERVICES: unknown service " + name)));
        }
        return selected.toArray(SuiteService[]::new);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // leftovers are recognised as stale by the pid check
        }
    }

}
