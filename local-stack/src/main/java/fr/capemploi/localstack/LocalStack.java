package fr.capemploi.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

/**
 * One PostgreSQL server, one Kafka broker and the suite's services, each in its own process, wired together through
 * the environment variables the services read. Used by {@code ./suite up} and by the system tests.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder().dataDirectory(tmp).randomPorts().build()) {
 *     stack.start();
 *     URI reporting = stack.baseUri(SuiteService.REPORTING);
 *     String token = stack.tokens().mint("analyst");
 * }
 * }</pre>
 *
 * <p>Data folder layout: {@code postgres/} (PGDATA), {@code kafka/} (configuration and {@code data/}),
 * {@code keys/}, {@code logs/<component>.log}, {@code run/} (pid files, lock), {@code work/} (services' working
 * directories).
 */
public final class LocalStack implements AutoCloseable {

    public static final String POSTGRES = "postgres";

    /** Distance between the ports of two instances of a service in the default layout. */
    public static final int INSTANCE_PORT_STEP = 10;

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    /** Where the CEP and CPF services find the registry (beneficiary-service). */
    private static final String REGISTRY_URL = "BENEFICIARY_SERVICE_URL";

    private final Path dataDirectory;
    private final DatabaseServer database;
    /** The first node of the embedded Kafka cluster (the only one by default); null with an external Kafka. */
    private final KafkaBroker broker;
    /** Every node of the embedded Kafka cluster, {@link #broker} first; empty with an external Kafka. */
    private final List<KafkaBroker> brokers;
    private final String kafkaBootstrap;
    /** Every instance of every service, the first instance first. */
    private final Map<SuiteService, List<ServiceProcess>> services;
    private final Set<Integer> portsToCheck;
    /** Whether the stack tells the CEP and CPF services where the registry is (not given in their environment). */
    private final boolean followsRegistry;
    private final SigningKeys keys;
    private final TokenMinter tokens;
    private final StackListener listener;
    private final Duration startupTimeout;
    private final String marker;

    private final Object lifecycle = new Object();
    /**
     * Spawning holds the read side, so components start concurrently; close() takes the write side once to
     * raise {@code closing}, so that no child is spawned after close() has stopped the others.
     */
    private final ReadWriteLock spawnGuard = new ReentrantReadWriteLock();
    private volatile boolean closing;
    private volatile Thread control;
    private boolean closed;
    private boolean started;
    private Thread shutdownHook;
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile Duration startupTime = Duration.ZERO;
    private final Map<String, Duration> componentStartupTimes = new LinkedHashMap<>();

    private LocalStack(Builder builder) {
        this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
        this.listener = builder.listener;
        this.startupTimeout = builder.startupTimeout;
        this.marker = "-Dsuite.home=" + dataDirectory;
        Path logs = dataDirectory.resolve("logs");
        Path run = dataDirectory.resolve("run");
        FreePorts freePorts = new FreePorts();
        Set<Integer> ports = new java.util.LinkedHashSet<>();

        if (builder.externalDbUrl != null) {
            this.database = new ExternalDatabase(builder.externalDbUrl, builder.externalDbUser,
                    builder.externalDbPassword);
        } else {
            int pgPort = builder.randomPorts ? freePorts.next() : builder.postgresPort;
            ports.add(pgPort);
            this.database = new EmbeddedDatabase(dataDirectory.resolve("postgres"), builder.postgresBinaries,
                    logs.resolve("postgres.log"), pgPort);
        }

        if (builder.externalKafkaBootstrap != null) {
            this.broker = null;
            this.brokers = List.of();
            this.kafkaBootstrap = builder.externalKafkaBootstrap;
        } else {
            // node k listens on the default ports + 2(k-1): 59092/59093, 59094/59095, 59096/59097
            int[] kafkaPorts = new int[builder.brokers];
            int[] controllerPorts = new int[builder.brokers];
            List<String> voters = new ArrayList<>();
            for (int k = 0; k < builder.brokers; k++) {
                kafkaPorts[k] = builder.randomPorts ? freePorts.next() : builder.kafkaPort + 2 * k;
                controllerPorts[k] = builder.randomPorts ? freePorts.next() : builder.kafkaControllerPort + 2 * k;
                ports.add(kafkaPorts[k]);
                ports.add(controllerPorts[k]);
                voters.add((k + 1) + "@127.0.0.1:" + controllerPorts[k]);
            }
            List<KafkaBroker> nodes = new ArrayList<>();
            for (int k = 0; k < builder.brokers; k++) {
                String name = k == 0 ? KafkaBroker.NAME : KafkaBroker.NAME + "-" + (k + 1);
                nodes.add(new KafkaBroker(name, k + 1, String.join(",", voters), builder.brokers, this::kafkaClusterId,
                        dataDirectory.resolve(name), logs.resolve(name + ".log"), run.resolve(name + ".pid"),
                        kafkaPorts[k], controllerPorts[k], builder.kafkaJvmOptions, marker, listener));
            }
            this.brokers = List.copyOf(nodes);
            this.broker = brokers.get(0);
            this.kafkaBootstrap = brokers.stream().map(KafkaBroker::bootstrapServers)
                    .collect(Collectors.joining(","));
        }

        this.keys = SigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        this.tokens = new TokenMinter(keys.privateKey(), builder.jwtIssuer);
        String nirKey = SigningKeys.nirKey(dataDirectory.resolve("keys"));

        // instance i of a service listens on its ports + 10(i-1): 8084/9084, then 8094/9094...
        Map<SuiteService, int[]> servicePortsByInstance = new EnumMap<>(SuiteService.class);
        Map<SuiteService, int[]> managementPortsByInstance = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);
        for (SuiteService service : builder.services) {
            int[] api = new int[builder.instances];
            int[] management = new int[builder.instances];
            for (int i = 0; i < builder.instances; i++) {
                int port = builder.randomPorts ? freePorts.next()
                        : builder.servicePorts.getOrDefault(service, service.defaultPort()) + INSTANCE_PORT_STEP * i;
                // health and metrics: the management interface, its own port
                int managementPort = builder.randomPorts ? freePorts.next()
                        : builder.servicePorts.containsKey(service) ? port + SuiteService.MANAGEMENT_OFFSET
                        : service.defaultManagementPort() + INSTANCE_PORT_STEP * i;
                ports.add(port);
                ports.add(managementPort);
                api[i] = port;
                management[i] = managementPort;
            }
            servicePortsByInstance.put(service, api);
            managementPortsByInstance.put(service, management);
            servicePorts.put(service, api[0]);
        }
        String registryUrl = "http://127.0.0.1:" + servicePorts.getOrDefault(SuiteService.BENEFICIARY,
                builder.servicePorts.getOrDefault(SuiteService.BENEFICIARY, SuiteService.BENEFICIARY.defaultPort()));
        this.followsRegistry = servicePorts.containsKey(SuiteService.BENEFICIARY)
                && !builder.serviceEnvironment.containsKey(REGISTRY_URL);
        Map<SuiteService, List<ServiceProcess>> processes = new EnumMap<>(SuiteService.class);
        for (SuiteService service : builder.services) {
            for (int i = 0; i < builder.instances; i++) {
                int instance = i + 1;
                int port = servicePortsByInstance.get(service)[i];
                int managementPort = managementPortsByInstance.get(service)[i];
                Map<String, String> environment = new LinkedHashMap<>();
                // loopback only: the stack is for one developer's machine or a test run
                environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
                environment.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
                environment.put("DB_URL", database.jdbcUrl(service.database()));
                environment.put("DB_USER", database.user());
                environment.put("DB_PASSWORD", database.password());
                environment.put("KAFKA_BOOTSTRAP", kafkaBootstrap);
                environment.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toString());
                environment.put("JWT_ISSUER", builder.jwtIssuer);
                if (service == SuiteService.BENEFICIARY) {
                    environment.put("BENEFICIARY_NIR_KEY", nirKey);
                }
                if (service == SuiteService.CEP || service == SuiteService.CPF) {
                    // the CEP documents name people as the registry does, read at render time, and both services trace
                    // reads of an erased person's records in their access log there; a registry not started by this
                    // stack is looked for at its usual port
                    environment.put(REGISTRY_URL, registryUrl);
                }
                environment.putAll(builder.serviceEnvironment);
                String name = ServiceProcess.instanceName(service, instance);
                processes.computeIfAbsent(service, s -> new ArrayList<>()).add(new ServiceProcess(service, instance,
                        service.jar(builder.repositoryRoot), port, managementPort,
                        builder.randomPorts ? freePorts::next : null, environment, builder.serviceJvmOptions,
                        builder.serviceRuntime, logs.resolve(name + ".log"), run.resolve(name + ".pid"),
                        dataDirectory.resolve("work").resolve(name), marker, listener));
            }
        }
        processes.replaceAll((service, list) -> List.copyOf(list));
        this.services = processes;
        this.portsToCheck = ports;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Brings everything up and returns when every service answers its readiness check. On failure everything
     * already started is stopped again and a {@link StackStartException} names the culprit with its log.
     */
    public void start() {
        long begin = System.nanoTime();
        synchronized (lifecycle) {
            if (closed || started) {
                throw new IllegalStateException("a LocalStack starts once; use ensureRunning() or build a new one");
            }
            started = true;
            lockDataDirectory();
            shutdownHook = new Thread(this::close, "local-stack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            endLeftovers();
            requireFreePorts();
            announceWaiting();

            CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(this::startKafka);
            startDatabase();
            try {
                kafkaReady.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
            startServices();
            // ./suite restart <component> asks through the data folder (ControlChannel)
            control = ControlChannel.serve(dataDirectory, command -> {
                if (command.startsWith("restart ")) {
                    return restart(command.substring("restart ".length()));
                }
                if (command.startsWith("backup ")) {
                    Path target = Path.of(command.substring("backup ".length()).trim());
                    long backupBegin = System.nanoTime();
                    backup(target);
                    return String.format(java.util.Locale.ROOT, "backup written to %s in %.1f s", target,
                            (System.nanoTime() - backupBegin) / 1e9);
                }
                if (command.startsWith("restore ")) {
                    return restore(Path.of(command.substring("restore ".length()).trim()));
                }
                throw new IllegalArgumentException("unknown request: " + command);
            });
            startupTime = Duration.ofNanos(System.nanoTime() - begin);
            LOG.info("stack ready in {} ms", startupTime.toMillis());
        } catch (RuntimeException e) {
            LOG.error("stack start-up failed", e);
            close();
            if (e instanceof StackStartException) {
                throw e;
            }
            throw new StackStartException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * Stops and starts one component and waits until it is ready again: {@code postgres} (the embedded server; the
     * services keep running and answer 503 meanwhile), {@code kafka} (the embedded broker; writes wait in the outboxes)
     * or a service ({@code reporting} or {@code reporting-service}...). A dead component is started again.
     * @return what was done, for the operator
     */
    public String restart(String component) {
        requireOpen();
        long begin = System.nanoTime();
        String name = component.trim();
        if (POSTGRES.equals(name)) {
            if (!(database instanceof EmbeddedDatabase)) {
                throw new IllegalArgumentException("PostgreSQL is external (SUITE_DB_URL): restart it where it runs");
            }
            listener.stateChanged(POSTGRES, ComponentState.STOPPING, "");
            database.close();
            listener.stateChanged(POSTGRES, ComponentState.STOPPED, "");
            startDatabase();
        } else if (name.equals(KafkaBroker.NAME) || name.startsWith(KafkaBroker.NAME + "-")) {
            if (broker == null) {
                throw new IllegalArgumentException("Kafka is external (SUITE_KAFKA_BOOTSTRAP): restart it where it runs");
            }
            // "kafka" on a cluster: one node after the other, so that the cluster keeps serving
            List<KafkaBroker> selected = name.equals(KafkaBroker.NAME) ? brokers
                    : brokers.stream().filter(b -> b.name().equals(name)).collect(Collectors.toList());
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("unknown component '" + name + "' (brokers: " + brokers.stream()
                        .map(KafkaBroker::name).collect(Collectors.joining(", ")) + ")");
            }
            for (KafkaBroker node : selected) {
                node.stop();
                node.start();
                awaitBroker(node);
            }
        } else {
            // a service (all its instances, one after the other) or one instance (reporting-service-2)
            List<ServiceProcess> selected = services().stream()
                    .filter(p -> p.name().equals(name) || p.service().moduleName().equals(name)
                            || p.service().database().equals(name))
                    .collect(Collectors.toList());
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("unknown component '" + name + "' (postgres, kafka, "
                        + java.util.Arrays.stream(SuiteService.values()).map(SuiteService::database)
                                .collect(Collectors.joining(", ")) + ")");
            }
            for (ServiceProcess process : selected) {
                process.restart(startupTimeout);
            }
            followMovedRegistry();
        }
        return String.format(java.util.Locale.ROOT, "%s restarted in %.1f s", name,
                (System.nanoTime() - begin) / 1e9);
    }

    /**
     * Writes a backup of the PostgreSQL server, the four service databases together, into {@code target} (which must
     * not exist yet or be empty). The services keep running and writing meanwhile: the backup is the server's state at
     * one moment near its end, the same moment for every database (see {@link EmbeddedDatabase#backup}).
     */
    public void backup(Path target) {
        requireOpen();
        embeddedDatabase("back it up with its own tools (pg_dump)").backup(target);
    }

    /**
     * Brings back the databases of a backup written by {@link #backup}: stops every service instance and PostgreSQL,
     * puts the backup's data folder in place of the current one (kept aside as {@code postgres.before-restore}),
     * starts PostgreSQL, which recovers the backup, and starts the services again. The topics are left as they are.
     * @return what was done, for the operator
     */
    public String restore(Path backup) {
        requireOpen();
        EmbeddedDatabase embedded = embeddedDatabase("restore it with its own tools (pg_restore)");
        EmbeddedDatabase.checkBackup(backup);
        long begin = System.nanoTime();
        // the services keep positions and caches in memory that the restored databases no longer match
        List<ServiceProcess> all = new ArrayList<>(services());
        stopAll(all);
        listener.stateChanged(POSTGRES, ComponentState.STOPPING, "");
        database.close();
        listener.stateChanged(POSTGRES, ComponentState.STOPPED, "");
        Path previous = embedded.replaceDataWith(backup);
        startDatabase();
        whileOpen(() -> all.forEach(ServiceProcess::start));
        awaitAll(all);
        followMovedRegistry();
        return String.format(java.util.Locale.ROOT, "restored %s in %.1f s (the data folder it replaced: %s)", backup,
                (System.nanoTime() - begin) / 1e9, previous);
    }

    private EmbeddedDatabase embeddedDatabase(String otherwise) {
        if (database instanceof EmbeddedDatabase embedded) {
            return embedded;
        }
        throw new IllegalArgumentException("PostgreSQL is external (SUITE_DB_URL): " + otherwise);
    }

    private void stopAll(Collection<ServiceProcess> processes) {
        List<CompletableFuture<Void>> stops = processes.stream()
                .map(service -> CompletableFuture.runAsync(service::stop))
                .collect(Collectors.toList());
        stops.forEach(stop -> {
            try {
                stop.join();
            } catch (CompletionException e) {
                LOG.warn("while stopping a service", e.getCause());
            }
        });
    }

    /** Starts whatever has been stopped or has died (e.g. after a test killed it) and waits until it is ready. */
    public void ensureRunning() {
        List<KafkaBroker> stoppedBrokers = brokers.stream().filter(b -> !b.isRunning()).collect(Collectors.toList());
        whileOpen(() -> stoppedBrokers.forEach(KafkaBroker::start));
        stoppedBrokers.forEach(this::awaitBroker);
        List<ServiceProcess> stopped = services().stream()
                .filter(service -> !service.isRunning())
                .collect(Collectors.toList());
        whileOpen(() -> stopped.forEach(ServiceProcess::start));
        awaitAll(stopped);
        followMovedRegistry();
    }

    /**
     * Spawns children only while the stack is open, and keeps {@link #close()} (which may run from another thread: a
     * shutdown hook) from starting its stops until they are spawned: whatever it then finds running, it stops.
     * {@link #ensureRunning()} spawned without it, and a test's set-up calling it while a test JVM told to stop was
     * closing its stack started four service JVMs that nothing stopped again (seen once, 2026-12-06).
     */
    private void whileOpen(Runnable spawn) {
        spawnGuard.readLock().lock();
        try {
            requireOpen();
            spawn.run();
        } finally {
            spawnGuard.readLock().unlock();
        }
    }

    /** The service's first (or only) instance. */
    public ServiceProcess service(SuiteService service) {
        return instances(service).get(0);
    }

    /** Every instance of the service, the first one first. */
    public List<ServiceProcess> instances(SuiteService service) {
        List<ServiceProcess> processes = services.get(service);
        if (processes == null) {
            throw new IllegalArgumentException(service.moduleName() + " is not part of this stack");
        }
        return processes;
    }

    /** Every instance of every service. */
    public Collection<ServiceProcess> services() {
        return services.values().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    public URI baseUri(SuiteService service) {
        return service(service).baseUri();
    }

    /** Where the service answers health and metrics. */
    public URI managementUri(SuiteService service) {
        return service(service).managementUri();
    }

    /** The embedded broker (the first node of an embedded cluster); absent when the stack uses an external Kafka. */
    public Optional<KafkaBroker> broker() {
        return Optional.ofNullable(broker);
    }

    /** Every node of the embedded Kafka cluster; empty when the stack uses an external Kafka. */
    public List<KafkaBroker> brokers() {
        return brokers;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public DatabaseServer database() {
        return database;
    }

    public TokenMinter tokens() {
        return tokens;
    }

    public Path publicKeyFile() {
        return keys.publicKeyFile();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Wall-clock time of the last {@link #start()}, until every service was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Time each component took during the last {@link #start()}, in start order. */
    public Map<String, Duration> componentStartupTimes() {
        synchronized (componentStartupTimes) {
            return new LinkedHashMap<>(componentStartupTimes);
        }
    }

    /**
     * Stops the services (SIGTERM, then SIGKILL), then the broker, then PostgreSQL. Safe to call more than once and
     * from a shutdown hook while {@link #start()} is still running.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            spawnGuard.writeLock().lock();
            closing = true;
            spawnGuard.writeLock().unlock();
            Thread controlServer = control;
            if (controlServer != null) {
                controlServer.interrupt();
            }
            try {
                stopAll(services());
                // the nodes of a cluster together: stopped one by one, the last ones would wait for a lost quorum
                List<CompletableFuture<Void>> brokerStops = brokers.stream()
                        .map(node -> CompletableFuture.runAsync(node::stop))
                        .collect(Collectors.toList());
                brokerStops.forEach(stop -> {
                    try {
                        stop.join();
                    } catch (CompletionException e) {
                        LOG.warn("while stopping a broker", e.getCause());
                    }
                });
                if (database instanceof EmbeddedDatabase embedded && embedded.isRunning()) {
                    listener.stateChanged(POSTGRES, ComponentState.STOPPING, "");
                    database.close();
                    listener.stateChanged(POSTGRES, ComponentState.STOPPED, "");
                } else {
                    database.close();
                }
            } finally {
                closed = true;
                releaseLock();
                removeShutdownHook();
            }
        }
    }

    private void startDatabase() {
        long begin = System.nanoTime();
        if (database instanceof EmbeddedDatabase) {
            listener.stateChanged(POSTGRES, ComponentState.STARTING, "");
        }
        try {
            whileOpen(database::start);
            database.ensureDatabases(services.keySet().stream().map(SuiteService::database)
                    .collect(Collectors.toList()));
        } catch (RuntimeException e) {
            listener.stateChanged(POSTGRES, ComponentState.FAILED, e.getMessage());
            throw e;
        }
        record(POSTGRES, begin);
        listener.stateChanged(POSTGRES, database instanceof EmbeddedDatabase ? ComponentState.READY
                : ComponentState.EXTERNAL, database.describe());
    }

    private void startKafka() {
        long begin = System.nanoTime();
        if (broker == null) {
            try {
                KafkaTopics.awaitReachable(kafkaBootstrap, startupTimeout, () -> !closing);
                KafkaTopics.ensureCreated(kafkaBootstrap, TopicSpec.SUITE_TOPICS, startupTimeout);
            } catch (RuntimeException e) {
                listener.stateChanged(KafkaBroker.NAME, ComponentState.FAILED, e.getMessage());
                throw e;
            }
            record(KafkaBroker.NAME, begin);
            listener.stateChanged(KafkaBroker.NAME, ComponentState.EXTERNAL, kafkaBootstrap);
            return;
        }
        try {
            whileOpen(() -> {
                checkKafkaLayout();
                brokers.forEach(KafkaBroker::start);
            });
        } catch (RuntimeException e) {
            listener.stateChanged(KafkaBroker.NAME, ComponentState.FAILED, e.getMessage());
            throw e;
        }
        if (brokers.size() == 1) {
            broker.awaitReady(startupTimeout, TopicSpec.SUITE_TOPICS, () -> !closing);
        } else {
            brokers.forEach(node -> node.awaitReady(startupTimeout, () -> !closing));
            // a topic replicated three times can only be created once every node has registered
            KafkaTopics.awaitBrokers(kafkaBootstrap, brokers.size(), startupTimeout, () -> !closing);
            KafkaTopics.ensureCreated(kafkaBootstrap, TopicSpec.SUITE_TOPICS,
                    Map.of("min.insync.replicas", Integer.toString(broker.minInSyncReplicas())), startupTimeout);
        }
        record(KafkaBroker.NAME, begin);
    }

    /** Waits for a node that was (re)started to serve again; on a cluster, until every node is registered. */
    private void awaitBroker(KafkaBroker node) {
        if (brokers.size() == 1) {
            node.awaitReady(startupTimeout, TopicSpec.SUITE_TOPICS, () -> !closing);
        } else {
            node.awaitReady(startupTimeout, () -> !closing);
            KafkaTopics.awaitBrokers(kafkaBootstrap, brokers.size(), startupTimeout, () -> !closing);
        }
    }

    /**
     * One cluster id for every node, kept in the data folder; and a data folder holds one layout: its brokers were
     * formatted as a cluster of a given size, which a later start must not change.
     */
    private synchronized String kafkaClusterId() {
        Path file = dataDirectory.resolve(KafkaBroker.NAME).resolve("cluster.id");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            String id = org.apache.kafka.common.Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Kafka cluster id in " + file, e);
        }
    }

    private void checkKafkaLayout() {
        Path file = dataDirectory.resolve(KafkaBroker.NAME).resolve("brokers");
        try {
            int formerly;
            if (Files.isRegularFile(file)) {
                formerly = Integer.parseInt(Files.readString(file).trim());
            } else if (Files.exists(dataDirectory.resolve(KafkaBroker.NAME).resolve("data/meta.properties"))) {
                formerly = 1; // formatted before the layout was recorded: a single broker
            } else {
                formerly = brokers.size();
            }
            if (formerly != brokers.size()) {
                throw new StackStartException("the Kafka data in " + dataDirectory + " belongs to " + formerly
                        + " broker(s), not " + brokers.size() + ": start with --brokers " + formerly
                        + ", or use another data folder (SUITE_DATA_DIR)");
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, Integer.toString(brokers.size()));
        } catch (IOException | NumberFormatException e) {
            throw new StackStartException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private void startServices() {
        long begin = System.nanoTime();
        // all at once: start-up is mostly class loading and waiting on connections, so they overlap well
        whileOpen(() -> services().forEach(ServiceProcess::start));
        awaitAll(services());
        followMovedRegistry();
        services().forEach(service -> {
            synchronized (componentStartupTimes) {
                componentStartupTimes.put(service.name(), service.lastStartupTime());
            }
            LOG.info("{} ready in {} ms (pid {}, {})", service.name(), service.lastStartupTime().toMillis(),
                    service.pid(), service.runtime());
        });
        LOG.info("services ready {} ms after they were spawned", Duration.ofNanos(System.nanoTime() - begin)
                .toMillis());
    }

    /**
     * The registry may have started on other ports than planned (one was taken meanwhile, see
     * {@link ServiceProcess#awaitReady}): its clients started with the planned address start again with the actual one.
     */
    private void followMovedRegistry() {
        if (!followsRegistry) {
            return;
        }
        String actual = service(SuiteService.BENEFICIARY).baseUri().toString();
        List<ServiceProcess> misled = services().stream()
                .filter(p -> p.environment(REGISTRY_URL) != null && !actual.equals(p.environment(REGISTRY_URL)))
                .collect(Collectors.toList());
        for (ServiceProcess client : misled) {
            LOG.warn("{} restarts to find the registry at {}", client.name(), actual);
            client.environment(REGISTRY_URL, actual);
            client.restart(startupTimeout);
        }
    }

    private void awaitAll(Collection<ServiceProcess> toAwait) {
        if (toAwait.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(toAwait.size(), runnable -> {
            Thread thread = new Thread(runnable, "local-stack-readiness");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> readiness = toAwait.stream()
                    .map(service -> CompletableFuture.runAsync(
                            () -> service.awaitReady(startupTimeout, () -> !closing), pool))
                    .collect(Collectors.toList());
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<Void> ready : readiness) {
                try {
                    ready.join();
                } catch (CompletionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new StackStartException(String.join(System.lineSeparator() + System.lineSeparator(),
                        failures));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void record(String component, long beginNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - beginNanos);
        synchronized (componentStartupTimes) {
            componentStartupTimes.put(component, took);
        }
        LOG.info("{} ready in {} ms", component, took.toMillis());
    }

    private void announceWaiting() {
        listener.stateChanged(POSTGRES, ComponentState.WAITING, "");
        if (brokers.isEmpty()) {
            listener.stateChanged(KafkaBroker.NAME, ComponentState.WAITING, "");
        }
        brokers.forEach(node -> listener.stateChanged(node.name(), ComponentState.WAITING, ""));
        services().forEach(s -> listener.stateChanged(s.name(), ComponentState.WAITING, ""));
    }

    private void requireOpen() {
        if (closing) {
            throw new StackStartException("the stack is shutting down");
        }
    }

    /**
     * Ends the processes that a previous launcher on this data folder left running because it was killed with
     * SIGKILL (no shutdown hook ran): services, broker, then PostgreSQL. Recognised by their pid files and command
     * lines, so nothing else is touched. Not needed while the data folder is locked by a live launcher.
     *
     * @return what was ended, e.g. {@code "kafka (pid 1234)"}
     */
    public List<String> endLeftovers() {
        Path run = dataDirectory.resolve("run");
        List<String> names = new ArrayList<>();
        Arrays.stream(SuiteService.values()).forEach(s -> names.add(s.moduleName()));
        // further instances and brokers of a previous launcher, whatever its layout was: services before brokers
        List<String> others = new ArrayList<>();
        try (var files = Files.list(run)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid"))
                    .map(f -> f.substring(0, f.length() - ".pid".length()))
                    .filter(n -> !n.equals("launcher") && !names.contains(n) && !n.equals(KafkaBroker.NAME))
                    .sorted(Comparator.comparing((String n) -> n.startsWith(KafkaBroker.NAME)).thenComparing(n -> n))
                    .forEach(others::add);
        } catch (IOException e) {
            // no run folder yet: nothing was left
        }
        others.stream().filter(n -> !n.startsWith(KafkaBroker.NAME)).forEach(names::add);
        names.add(KafkaBroker.NAME);
        others.stream().filter(n -> n.startsWith(KafkaBroker.NAME)).forEach(names::add);
        List<String> ended = new ArrayList<>();
        for (String name : names) {
            ChildProcess.endStale(run.resolve(name + ".pid"), marker, Duration.ofSeconds(20))
                    .ifPresent(pid -> ended.add(name + " (pid " + pid + ")"));
        }
        if (database instanceof EmbeddedDatabase embedded) {
            embedded.endOrphanedPostmaster().ifPresent(pid -> ended.add(POSTGRES + " (pid " + pid + ")"));
        }
        ended.forEach(what -> LOG.warn("ended {}, left over by a previous launcher", what));
        return ended;
    }

    private void requireFreePorts() {
        List<Integer> busy = portsToCheck.stream().filter(port -> !FreePorts.isFree(port))
                .collect(Collectors.toList());
        if (!busy.isEmpty()) {
            throw new StackStartException("port(s) " + busy + " on 127.0.0.1 are already in use: is another stack "
                    + "running (./suite status, ./suite down)? Otherwise stop whatever listens there or choose "
                    + "other ports.");
        }
    }

    private void lockDataDirectory() {
        try {
            Path run = Files.createDirectories(dataDirectory.resolve("run"));
            lockChannel = FileChannel.open(run.resolve("stack.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                throw new StackStartException("another stack is already running with the data folder "
                        + dataDirectory + " (./suite status, ./suite down)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDirectory, e);
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("cannot release the data folder lock", e);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    public static final class Builder {
        private Path dataDirectory;
        private Path repositoryRoot;
        private boolean randomPorts;
        private int postgresPort = 55432;
        private Path postgresBinaries;
        private int kafkaPort = 59092;
        private int kafkaControllerPort = 59093;
        private int brokers = 1;
        private int instances = 1;
        private final Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);
        private String externalDbUrl;
        private String externalDbUser;
        private String externalDbPassword;
        private String externalKafkaBootstrap;
        private Set<SuiteService> services = EnumSet.allOf(SuiteService.class);
        private String jwtIssuer = TokenMinter.DEFAULT_ISSUER;
        private List<String> serviceJvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private List<String> kafkaJvmOptions = KafkaBroker.DEFAULT_JVM_OPTIONS;
        private ServiceRuntime serviceRuntime;
        private final Map<String, String> serviceEnvironment = new HashMap<>();
        private StackListener listener = StackListener.NONE;
        private Duration startupTimeout = Duration.ofMinutes(3);

        private Builder() {
        }

        /** Where everything the stack writes goes; required. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * The checkout that holds the packaged services; defaults to the system property {@code suite.root}, the
         * environment variable {@code SUITE_HOME}, or the nearest parent folder of the working directory that
         * contains {@code local-stack/pom.xml}.
         */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot;
            return this;
        }

        /** Every port picked among the free loopback ports, so that tests never collide with a running stack. */
        public Builder randomPorts() {
            this.randomPorts = true;
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        /** Where to unpack the PostgreSQL binaries; default: zonky's folder under the temporary directory. */
        public Builder postgresBinaries(Path directory) {
            this.postgresBinaries = directory;
            return this;
        }

        public Builder kafkaPorts(int port, int controllerPort) {
            this.kafkaPort = port;
            this.kafkaControllerPort = controllerPort;
            return this;
        }

        /**
         * How many Kafka nodes (each a broker and a controller): 1 (default), or 3 for a cluster that replicates every
         * topic three times and acknowledges a write once two copies have it, so that one node may fail.
         */
        public Builder brokers(int count) {
            if (count != 1 && count != 3) {
                throw new IllegalArgumentException("brokers: 1 or 3, not " + count);
            }
            this.brokers = count;
            return this;
        }

        /** How many instances of each service (default 1): they share the service's database and consumer groups. */
        public Builder instances(int count) {
            if (count < 1 || count > 3) {
                throw new IllegalArgumentException("instances: 1 to 3, not " + count);
            }
            this.instances = count;
            return this;
        }

        public Builder servicePort(SuiteService service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        /** Use this PostgreSQL server instead of the embedded one; {@code url} may name any database on it. */
        public Builder externalDatabase(String url, String user, String password) {
            this.externalDbUrl = Objects.requireNonNull(url);
            this.externalDbUser = user;
            this.externalDbPassword = password;
            return this;
        }

        /** Use this Kafka cluster instead of spawning a broker. */
        public Builder externalKafka(String bootstrapServers) {
            this.externalKafkaBootstrap = Objects.requireNonNull(bootstrapServers);
            return this;
        }

        public Builder services(SuiteService... services) {
            this.services = services.length == 0 ? EnumSet.noneOf(SuiteService.class)
                    : EnumSet.copyOf(Arrays.asList(services));
            return this;
        }

        public Builder jwtIssuer(String issuer) {
            this.jwtIssuer = Objects.requireNonNull(issuer);
            return this;
        }

        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /** The JDK the services run on; default: {@link ServiceRuntime#ofMachine()}. */
        public Builder serviceRuntime(ServiceRuntime runtime) {
            this.serviceRuntime = Objects.requireNonNull(runtime);
            return this;
        }

        public Builder kafkaJvmOptions(List<String> options) {
            this.kafkaJvmOptions = List.copyOf(options);
            return this;
        }

        /** Extra environment for every service, on top of (and able to override) what the stack sets. */
        public Builder serviceEnvironment(String name, String value) {
            serviceEnvironment.put(name, value);
            return this;
        }

        public Builder listener(StackListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** How long each component may take to become ready. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public LocalStack build() {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            if (repositoryRoot == null) {
                repositoryRoot = defaultRepositoryRoot();
            }
            if (serviceRuntime == null) {
                serviceRuntime = ServiceRuntime.ofMachine();
            }
            return new LocalStack(this);
        }

        static Path defaultRepositoryRoot() {
            String property = System.getProperty("suite.root");
            if (property != null && !property.isBlank()) {
                return Path.of(property).toAbsolutePath().normalize();
            }
            String environment = System.getenv("SUITE_HOME");
            if (environment != null && !environment.isBlank()) {
                return Path.of(environment).toAbsolutePath().normalize();
            }
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("local-stack/pom.xml"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("cannot find the repository root: set -Dsuite.root or SUITE_HOME");
        }
    }
}
