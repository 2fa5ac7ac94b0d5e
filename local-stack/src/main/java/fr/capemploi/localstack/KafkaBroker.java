package fr.capemploi.localstack;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A real Kafka broker in its own JVM: KRaft, one node that is both broker and controller, loopback only.
 * Its log directory survives restarts, so stopping and starting it again keeps every record.
 */
public final class KafkaBroker {

    /** Build-time output of maven-dependency-plugin, see local-stack/pom.xml. */
    public static final String NAME = "kafka";

    static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    static final String CLASSPATH_PROPERTY = "suite.kafka.classpath";

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true");

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final ChildProcess process;
    private final StackListener listener;
    private volatile boolean stopRequested;
    /** The exit watcher and the readiness wait may both see a failed start: report it once. */
    private final java.util.concurrent.atomic.AtomicBoolean failureReported =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param home folder for server.properties, the log4j2 configuration and the log directory ({@code data/})
     */
    public KafkaBroker(Path home, Path logFile, Path pidFile, int port, int controllerPort, List<String> jvmOptions,
                       String marker, StackListener listener) {
        this.listener = listener;
        this.home = home.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.process = new ChildProcess(NAME, logFile.toAbsolutePath(), pidFile, marker);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Formats the storage on first use, then spawns the broker; returns without waiting for it. */
    public synchronized void start() {
        if (process.isAlive()) {
            return;
        }
        stopRequested = false;
        failureReported.set(false);
        listener.stateChanged(NAME, ComponentState.STARTING, "");
        String classpath = classpath();
        try {
            Files.createDirectories(dataDirectory());
            Path properties = home.resolve("server.properties");
            Files.writeString(properties, serverProperties(), StandardCharsets.UTF_8);
            Path log4j = home.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);

            if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
                List<String> format = new ArrayList<>(javaCommand(classpath, log4j));
                format.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
                int exit = process.runToCompletion(format, home, Duration.ofSeconds(60));
                if (exit != 0) {
                    throw new StackStartException("formatting the Kafka storage failed (exit " + exit + "):"
                            + System.lineSeparator() + process.logTail(20));
                }
            }
            List<String> command = new ArrayList<>(javaCommand(classpath, log4j));
            command.addAll(List.of("kafka.Kafka", properties.toString()));
            process.start(command, Map.of(), home).onExit().thenAccept(this::exited);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker in " + home, e);
        }
    }

    private void exited(Process exited) {
        // a restart may already have replaced the process whose exit is reported here
        if (stopRequested || process.process().filter(current -> current == exited).isEmpty()) {
            return;
        }
        int code = exited.exitValue();
        boolean signalled = code == 130 || code == 143;
        String detail = "exited with code " + code + ", see " + process.logFile();
        if (signalled) {
            listener.stateChanged(NAME, ComponentState.STOPPED, detail);
        } else {
            reportFailure(detail);
        }
    }

    /**
     * Blocks until the broker answers metadata requests and the given topics exist; fails fast if its process
     * dies.
     */
    public void awaitReady(Duration timeout, List<TopicSpec> topics, BooleanSupplier stillWorthWaiting) {
        try {
            KafkaTopics.awaitReachable(bootstrapServers(), timeout,
                    () -> process.isAlive() && stillWorthWaiting.getAsBoolean());
            if (!process.isAlive()) {
                throw new StackStartException("Kafka exited");
            }
            KafkaTopics.ensureCreated(bootstrapServers(), topics, timeout);
        } catch (StackStartException e) {
            reportFailure("see " + process.logFile());
            throw new StackStartException(failureMessage(e.getMessage()), e);
        }
        listener.stateChanged(NAME, ComponentState.READY, bootstrapServers());
    }

    public void awaitReady(Duration timeout, BooleanSupplier stillWorthWaiting) {
        awaitReady(timeout, List.of(), stillWorthWaiting);
    }

    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> true);
    }

    /** Controlled shutdown (SIGTERM), then SIGKILL after 30 s. */
    public void stop() {
        stopRequested = true;
        if (!process.isAlive()) {
            // already gone (crashed, killed or never started): only tidy up the pid file
            process.stop(Duration.ZERO);
            return;
        }
        listener.stateChanged(NAME, ComponentState.STOPPING, "");
        process.stop(Duration.ofSeconds(30));
        listener.stateChanged(NAME, ComponentState.STOPPED, "");
    }

    /** SIGKILL: the broker gets no chance to flush or deregister, like a crash. */
    public void kill() {
        stopRequested = true;
        if (process.pid().isEmpty()) {
            return;
        }
        process.kill();
        listener.stateChanged(NAME, ComponentState.STOPPED, "killed");
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid().orElse(-1L);
    }

    private void reportFailure(String detail) {
        if (failureReported.compareAndSet(false, true)) {
            listener.stateChanged(NAME, ComponentState.FAILED, detail);
        }
    }

    String failureMessage(String cause) {
        String exit = process.exitCode().map(code -> " (exit code " + code + ")").orElse("");
        return cause + exit + "; end of " + process.logFile() + ":" + System.lineSeparator() + process.logTail(25);
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private List<String> javaCommand(String classpath, Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(process.marker());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4j);
        // the classpath holds two slf4j providers (see pom.xml): pick Kafka's own logging stack
        command.add("-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider");
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private String serverProperties() {
        String controller = "127.0.0.1:" + controllerPort;
        return String.join(System.lineSeparator(),
                "# written by local-stack at every start; edits are overwritten",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDirectory(),
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                // a single node: every internal topic must settle for one replica
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // consumers of a single-member group need not wait for others to join
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    static String classpath() {
        String override = System.getProperty(CLASSPATH_PROPERTY);
        String classpath;
        if (override != null && !override.isBlank()) {
            classpath = override.trim();
        } else {
            try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
                if (in == null) {
                    throw new StackStartException("resource " + CLASSPATH_RESOURCE + " is missing: build local-stack "
                            + "with Maven (./mvnw -pl local-stack install)");
                }
                classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> missing = Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry)))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new StackStartException("the Kafka broker classpath names jars that are not in the local Maven "
                    + "repository (rebuild local-stack: ./mvnw -pl local-stack install): " + missing);
        }
        return classpath;
    }

    private static final String LOG4J2 = String.join(System.lineSeparator(),
            "# written by local-stack; the broker's stdout is appended to <data>/logs/kafka.log",
            "status = warn",
            "appender.stdout.type = Console",
            "appender.stdout.name = STDOUT",
            "appender.stdout.layout.type = PatternLayout",
            "appender.stdout.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.state.name = state.change.logger",
            "logger.state.level = WARN",
            "logger.clients.name = org.apache.kafka.clients",
            "logger.clients.level = WARN",
            "");
}
