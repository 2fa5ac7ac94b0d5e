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
 * A real Kafka broker in its own JVM: KRaft, a node that is both broker and controller, loopback only. Alone (the
 * default) or one of a cluster of such nodes ({@code ./suite up --brokers 3}), which then vote among themselves and
 * replicate every topic three times. Its log directory survives restarts, so stopping and starting it again keeps
 * every record.
 */
public final class KafkaBroker {

    /** Build-time output of maven-dependency-plugin, see local-stack/pom.xml. */
    public static final String NAME = "kafka";

    static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    static final String CLASSPATH_PROPERTY = "suite.kafka.classpath";

    /**
     * C1 alone, the serial collector, a 256 MiB heap: a broker here serves one machine's suite, tens to hundreds of
     * records a second, where C2's compilations and G1's threads cost more than they give back. Measured against
     * {@code -Xmx512m} with G1 and both compilers: a third less CPU to start, less idle, and less per record under two
     * minutes of a steady 200 records/s (local-stack/README.md, "The broker's JVM and settings").
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    private final Path home;
    private final String name;
    private final int nodeId;
    /** {@code id@host:port} of every controller of the cluster, this node included. */
    private final String quorumVoters;
    private final int clusterSize;
    private final java.util.function.Supplier<String> clusterId;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final SupervisedChild process;

    /**
     * @param home folder for server.properties, the log4j2 configuration and the log directory ({@code data/})
     */
    public KafkaBroker(Path home, Path logFile, Path pidFile, int port, int controllerPort, List<String> jvmOptions,
                       String marker, StackListener listener) {
        this(NAME, 1, "1@127.0.0.1:" + controllerPort, 1, () -> Uuid.randomUuid().toString(), home, logFile, pidFile,
                port, controllerPort, jvmOptions, marker, listener);
    }

    /**
     * One node of a cluster of {@code clusterSize} nodes.
     *
     * @param name         the component's name, e.g. {@code kafka} or {@code kafka-2}
     * @param quorumVoters {@code 1@127.0.0.1:port,2@...}: the controller listeners of every node
     * @param clusterId    the id every node's storage is formatted with (asked only when formatting)
     */
    public KafkaBroker(String name, int nodeId, String quorumVoters, int clusterSize,
                       java.util.function.Supplier<String> clusterId, Path home, Path logFile, Path pidFile, int port,
                       int controllerPort, List<String> jvmOptions, String marker, StackListener listener) {
        this.name = name;
        this.nodeId = nodeId;
        this.quorumVoters = quorumVoters;
        this.clusterSize = clusterSize;
        this.clusterId = clusterId;
        this.home = home.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.process = new SupervisedChild(name, logFile, pidFile, marker, listener, () -> false);
    }

    /** {@code kafka} for the first node, {@code kafka-2}, {@code kafka-3}... for the others. */
    public String name() {
        return name;
    }

    public int nodeId() {
        return nodeId;
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
        process.starting();
        String classpath = classpath();
        try {
            Files.createDirectories(dataDirectory());
            Path properties = home.resolve("server.properties");
            Files.writeString(properties, serverProperties(), StandardCharsets.UTF_8);
            Path log4j = home.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);

            // KafkaNode formats the storage on the node's first start (then the cluster id is asked for), and runs the
            // broker in the same JVM; a failed format ends the process, which awaitReady reports with its log
            List<String> command = new ArrayList<>(javaCommand(classpath + java.io.File.pathSeparator
                    + ownCodeLocation(), log4j));
            command.addAll(List.of(KafkaNode.class.getName(), properties.toString()));
            if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
                command.add(clusterId.get());
            }
            process.spawn(command, Map.of(), home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka broker in " + home, e);
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
            process.reportFailure("see " + process.logFile());
            throw new StackStartException(process.failureMessage(e.getMessage()), e);
        }
        process.ready(bootstrapServers());
    }

    public void awaitReady(Duration timeout, BooleanSupplier stillWorthWaiting) {
        awaitReady(timeout, List.of(), stillWorthWaiting);
    }

    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> true);
    }

    /** Controlled shutdown (SIGTERM), then SIGKILL after 30 s. */
    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    /** SIGKILL: the broker gets no chance to flush or deregister, like a crash. */
    public void kill() {
        process.kill();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private List<String> javaCommand(String classpath, Path log4j) {
        List<String> command = process.javaCommand(jvmOptions);
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
                "node.id=" + nodeId,
                "controller.quorum.voters=" + quorumVoters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDirectory(),
                "num.partitions=1",
                // a single node: every topic, internal ones included, must settle for one replica; a cluster keeps
                // three copies and acknowledges a write (acks=all) once two of them have it, so one node may fail
                "default.replication.factor=" + replicationFactor(),
                "min.insync.replicas=" + minInSyncReplicas(),
                "offsets.topic.replication.factor=" + replicationFactor(),
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=" + replicationFactor(),
                "transaction.state.log.min.isr=" + minInSyncReplicas(),
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=" + replicationFactor(),
                "share.coordinator.state.topic.min.isr=" + minInSyncReplicas(),
                // a node back from a crash takes its partitions' leadership back once in sync
                "auto.leader.rebalance.enable=true",
                // the log cleaner (compacted internal topics only here) allocates this at start-up: Kafka's 128 MiB
                // default takes half of a small heap (-Xmx256m, as three nodes on a laptop want)
                "log.cleaner.dedupe.buffer.size=33554432",
                // consumers of a single-member group need not wait for others to join
                "group.initial.rebalance.delay.ms=0",
                // an idle broker's own upkeep (local-stack/README.md, "The broker's JVM and settings"): the controller
                // appends a no-op record to the metadata log every 500 ms by default, each written, flushed and read
                // by every node; followers ask their leaders for new records every 500 ms. Neither delays a record:
                // a waiting fetch is answered as soon as one arrives
                "metadata.max.idle.interval.ms=5000",
                "replica.fetch.wait.max.ms=2000",
                // request threads for a handful of clients rather than a data centre's (8 and 3 by default)
                "num.io.threads=2",
                "num.network.threads=2",
                "") ;
    }

    /** Copies of each partition: every node of the cluster, at most three. */
    public int replicationFactor() {
        return Math.min(3, clusterSize);
    }

    /** Copies that must have a record before it is acknowledged to a producer with acks=all. */
    public int minInSyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    /** Where this class was loaded from (local-stack's jar or classes folder): KafkaNode is there. */
    private static String ownCodeLocation() {
        try {
            return Path.of(KafkaNode.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate local-stack's classes", e);
        }
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
