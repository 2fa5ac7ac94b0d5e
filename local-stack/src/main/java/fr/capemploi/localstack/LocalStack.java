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

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final Path dataDirectory;
    private final DatabaseServer database;
    private final KafkaBroker broker;
    private final String kafkaBootstrap;
    private final Map<SuiteService, ServiceProcess> services;
    private final Set<Integer> portsToCheck;
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
            this.kafkaBootstrap = builder.externalKafkaBootstrap;
        } else {
            int kafkaPort = builder.randomPorts ? freePorts.next() : builder.kafkaPort;
            int controllerPort = builder.randomPorts ? freePorts.next() : builder.kafkaControllerPort;
            ports.add(kafkaPort);
            ports.add(controllerPort);
            this.broker = new KafkaBroker(dataDirectory.resolve("kafka"), logs.resolve("kafka.log"),
                    run.resolve("kafka.pid"), kafkaPort, controllerPort, builder.kafkaJvmOptions, marker, listener);
            this.kafkaBootstrap = broker.bootstrapServers();
        }

        this.keys = SigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        this.tokens = new TokenMinter(keys.privateKey(), builder.jwtIssuer);
        String nirKey = SigningKeys.nirKey(dataDirectory.resolve("keys"));

        Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> managementPorts = new EnumMap<>(SuiteService.class);
        for (SuiteService service : builder.services) {
            int port = builder.randomPorts ? freePorts.next()
                    : builder.servicePorts.getOrDefault(service, service.defaultPort());
            // health and metrics: the management interface, its own port
            int managementPort = builder.randomPorts ? freePorts.next()
                    : builder.servicePorts.containsKey(service) ? port + SuiteService.MANAGEMENT_OFFSET
                    : service.defaultManagementPort();
            ports.add(port);
            ports.add(managementPort);
            servicePorts.put(service, port);
            managementPorts.put(service, managementPort);
        }
        Map<SuiteService, ServiceProcess> processes = new EnumMap<>(SuiteService.class);
        for (SuiteService service : builder.services) {
            int port = servicePorts.get(service);
            int managementPort = managementPorts.get(service);
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("HTTP_PORT", Integer.toString(port));
            environment.put("MANAGEMENT_PORT", Integer.toString(managementPort));
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
                int registryPort = servicePorts.getOrDefault(SuiteService.BENEFICIARY, builder.servicePorts
                        .getOrDefault(SuiteService.BENEFICIARY, SuiteService.BENEFICIARY.defaultPort()));
                environment.put("BENEFICIARY_SERVICE_URL", "http://127.0.0.1:" + registryPort);
            }
            environment.putAll(builder.serviceEnvironment);
            processes.put(service, new ServiceProcess(service, service.jar(builder.repositoryRoot), port,
                    managementPort, environment, builder.serviceJvmOptions, logs.resolve(service.moduleName() + ".log"),
                    run.resolve(service.moduleName() + ".pid"), dataDirectory.resolve("work")
                    .resolve(service.moduleName()), marker, listener));
        }
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
                if (!command.startsWith("restart ")) {
                    throw new IllegalArgumentException("unknown request: " + command);
                }
                return restart(command.substring("restart ".length()));
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
        } else if (KafkaBroker.NAME.equals(name)) {
            if (broker == null) {
                throw new IllegalArgumentException("Kafka is external (SUITE_KAFKA_BOOTSTRAP): restart it where it runs");
            }
            broker.stop();
            broker.start();
            broker.awaitReady(startupTimeout, TopicSpec.SUITE_TOPICS, () -> !closing);
        } else {
            SuiteService service = java.util.Arrays.stream(SuiteService.values())
                    .filter(s -> s.moduleName().equals(name) || s.database().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown component '" + name + "' (postgres, kafka, "
                            + java.util.Arrays.stream(SuiteService.values()).map(SuiteService::database)
                                    .collect(Collectors.joining(", ")) + ")"));
            service(service).restart(startupTimeout);
        }
        return String.format(java.util.Locale.ROOT, "%s restarted in %.1f s", name,
                (System.nanoTime() - begin) / 1e9);
    }

    /** Starts whatever has been stopped or has died (e.g. after a test killed it) and waits until it is ready. */
    public void ensureRunning() {
        if (broker != null && !broker.isRunning()) {
            broker.start();
            broker.awaitReady(startupTimeout, TopicSpec.SUITE_TOPICS, () -> !closing);
        }
        List<ServiceProcess> stopped = services.values().stream()
                .filter(service -> !service.isRunning())
                .collect(Collectors.toList());
        stopped.forEach(ServiceProcess::start);
        awaitAll(stopped);
    }

    public ServiceProcess service(SuiteService service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service.moduleName() + " is not part of this stack");
        }
        return process;
    }

    public Collection<ServiceProcess> services() {
        return services.values();
    }

    public URI baseUri(SuiteService service) {
        return service(service).baseUri();
    }

    /** Where the service answers health and metrics. */
    public URI managementUri(SuiteService service) {
        return service(service).managementUri();
    }

    /** The embedded broker; absent when the stack uses an external Kafka. */
    public Optional<KafkaBroker> broker() {
        return Optional.ofNullable(broker);
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
                List<CompletableFuture<Void>> stops = services.values().stream()
                        .map(service -> CompletableFuture.runAsync(service::stop))
                        .collect(Collectors.toList());
                stops.forEach(stop -> {
                    try {
                        stop.join();
                    } catch (CompletionException e) {
                        LOG.warn("while stopping a service", e.getCause());
                    }
                });
                if (broker != null) {
                    broker.stop();
                }
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
            spawnGuard.readLock().lock();
            try {
                requireOpen();
                database.start();
            } finally {
                spawnGuard.readLock().unlock();
            }
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
            spawnGuard.readLock().lock();
            try {
                requireOpen();
                broker.start();
            } finally {
                spawnGuard.readLock().unlock();
            }
        } catch (RuntimeException e) {
            listener.stateChanged(KafkaBroker.NAME, ComponentState.FAILED, e.getMessage());
            throw e;
        }
        broker.awaitReady(startupTimeout, TopicSpec.SUITE_TOPICS, () -> !closing);
        record(KafkaBroker.NAME, begin);
    }

    private void startServices() {
        long begin = System.nanoTime();
        spawnGuard.readLock().lock();
        try {
            requireOpen();
            // all at once: start-up is mostly class loading and waiting on connections, so they overlap well
            services.values().forEach(ServiceProcess::start);
        } finally {
            spawnGuard.readLock().unlock();
        }
        awaitAll(services.values());
        services.values().forEach(service -> {
            synchronized (componentStartupTimes) {
                componentStartupTimes.put(service.service().moduleName(), service.lastStartupTime());
            }
            LOG.info("{} ready in {} ms (pid {})", service.service().moduleName(),
                    service.lastStartupTime().toMillis(), service.pid());
        });
        LOG.info("services ready {} ms after they were spawned", Duration.ofNanos(System.nanoTime() - begin)
                .toMillis());
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
        listener.stateChanged(KafkaBroker.NAME, ComponentState.WAITING, "");
        services.keySet().forEach(s -> listener.stateChanged(s.moduleName(), ComponentState.WAITING, ""));
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
        names.add(KafkaBroker.NAME);
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
        private final Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);
        private String externalDbUrl;
        private String externalDbUser;
        private String externalDbPassword;
        private String externalKafkaBootstrap;
        private Set<SuiteService> services = EnumSet.allOf(SuiteService.class);
        private String jwtIssuer = TokenMinter.DEFAULT_ISSUER;
        private List<String> serviceJvmOptions = ServiceProcess.DEFAULT_JVM_OPTIONS;
        private List<String> kafkaJvmOptions = KafkaBroker.DEFAULT_JVM_OPTIONS;
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
