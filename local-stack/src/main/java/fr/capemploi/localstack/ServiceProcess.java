package fr.capemploi.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** One packaged Quarkus service ({@code java -jar quarkus-run.jar}) and its readiness. */
public final class ServiceProcess {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceProcess.class);

    /** How many starts in all, when each finds one of its ports taken: the first, then on other ports. */
    static final int PORT_ATTEMPTS = 3;

    /**
     * Both JIT compilers: once warm, a service answers a write with less than half the CPU of C1 alone (cep-service
     * 0.40 against 0.92 ms a level-1 contact on a quiet 2-core machine, bench/JOURNAL.md, "The services' JVM options
     * decided on a quiet machine"); measured under load, C2 was still compiling after two minutes, which is why the
     * suite ran on C1 before. The heap starts at 64 MiB and grows up to 256 MiB as the service needs it, and the
     * native heap the compilers' arenas leave behind is given back every 5 s: without both, C2 took a service to
     * 334-346 MiB resident, over the 300 MiB it must stay under; with them 251 MiB after a write load, but not at
     * every service's peak: under the demo's load cpf-service reached 400 MiB (its heap grown to 173-177 MiB by one
     * burst, 34-37 MiB live: its first requests parsing the same HQL at once, its queries since parsed at start-up,
     * bench/JOURNAL.md, "cpf-service's heap burst traced") and reporting-service 471 MiB in a rebuild (its heap at the
     * bound, up to 93 MiB live; smaller replay batches priced in the same section), with
     * 190-230 MiB outside the heap in both (metaspace 70-90, code 30-50, symbols 20, direct buffers, malloc) —
     * bench/JOURNAL.md, "The services' resident memory". With that burst gone, cep- and cpf-service still stay over
     * 300 MiB through the demo at scale 1 (cep 305-368, cpf 280-355 MiB minute by minute): 210-235 MiB outside the
     * heap once warm (class metadata 120-135, C2's code 42-50 and growing) and C2's compilations 33-60 MiB of arena
     * at a time. One glibc arena, a trim every second, heaps that shrink and a C2 node limit were measured against
     * these options and did not lower the peaks; C1 alone would, at about +50 % of the demo's CPU (bench/JOURNAL.md,
     * "The services' resident memory measured again"). What grows after ready is C1's profiling code (tier 3, 30+ MiB
     * of the code heap on a loaded machine, where C2 lags) on top of ~4,000 classes met at the first requests: C2
     * alone took 25-35 MiB off every service at +58 % CPU a demo request; C1's thresholds raised 5-fold, 10-13 MiB
     * of code in one staggered pair, CPU within that pair's noise, is not adopted on that evidence; one code heap and
     * reflection without inflation saved nothing that moves a peak (bench/JOURNAL.md, "The write services' memory
     * after ready"). Serial GC: one collector thread for a small heap. The
     * packaged jars' bytecode is not verified again at each start (a sixth to a fifth of a start's CPU,
     * bench/JOURNAL.md, "A service start"): it is our build's output, and the test JVMs, which keep verification on,
     * load the same libraries and generate the same classes first. The containers use the same
     * options; benchmarks measure with them unless told otherwise.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = everyServiceAnd("-Xms64m", "-XX:TrimNativeHeapInterval=5000");

    /**
     * What every service's environment holds unless the launcher's own sets it: glibc's malloc kept to two arenas. By
     * default it opens up to eight per core as threads contend (a dozen in reporting-service during a rebuild), and
     * each keeps what its threads freed — the compilers' arenas above all, 30-45 MiB at a time while C2 compiles —
     * which the periodic trim gives back only in part. With the consumers' fetches bounded to 1 MB (the platform's
     * defaults), reporting-service's resident peak before its first rebuild went from 314-322 to 266-275 MiB and in a
     * rebuild from 461-471 to 439-452 MiB, its CPU per rebuilt event unchanged; cep-service's under the write load
     * 275-280 to 271-273 MiB, its CPU per write unchanged (bench/JOURNAL.md, "The services' resident memory").
     * The containers set the same ({@code Dockerfile.jvm}).
     */
    public static final Map<String, String> DEFAULT_NATIVE_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * For services that live a few minutes under test (the system tests' stacks): C1 alone, like the test JVMs and
     * Maven's own. C2's compilations only pay back over a long life; in a short one they are CPU taken from the cores
     * the rest of the build shares.
     */
    public static final List<String> SHORT_LIVED_JVM_OPTIONS = everyServiceAnd("-XX:TieredStopAtLevel=1");

    /**
     * What every service JVM runs with, long-lived or not (the heap's bound, the collector, the jars not verified
     * again), followed by {@code own}: the two option sets differ only in the compilers and the heap's growth.
     */
    private static List<String> everyServiceAnd(String... own) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote"));
        options.addAll(List.of(own));
        return List.copyOf(options);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final SuiteService service;
    private final String name;
    private final int instance;
    private final Path jar;
    private volatile int port;
    private volatile int managementPort;
    /** Where other ports come from when one is found taken at start-up; null: the ports were chosen, keep them. */
    private final IntSupplier otherPorts;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final ServiceRuntime runtime;
    private final Path workingDirectory;
    private final SupervisedChild process;
    private volatile Duration lastStartup = Duration.ZERO;

    /**
     * @param otherPorts gives free ports when a start finds {@code port} or {@code managementPort} taken by the time
     *                   the service binds it (picked free, then bound seconds later: a stack started beside this one
     *                   may take it meanwhile); null to fail such a start
     */
    ServiceProcess(SuiteService service, int instance, Path jar, int port, int managementPort, IntSupplier otherPorts,
                   Map<String, String> environment, List<String> jvmOptions, ServiceRuntime runtime, Path logFile,
                   Path pidFile, Path workingDirectory, String marker, StackListener listener) {
        this.service = service;
        this.instance = instance;
        this.name = instanceName(service, instance);
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.managementPort = managementPort;
        this.otherPorts = otherPorts;
        this.environment = new ConcurrentHashMap<>(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.runtime = runtime;
        this.workingDirectory = workingDirectory;
        this.process = new SupervisedChild(name, logFile, pidFile, marker, listener,
                () -> !takenPortsToMove().isEmpty());
    }

    /** {@code reporting-service} for the first instance, {@code reporting-service-2} for the second... */
    static String instanceName(SuiteService service, int instance) {
        return instance == 1 ? service.moduleName() : service.moduleName() + "-" + instance;
    }

    public SuiteService service() {
        return service;
    }

    /** The component's name: the module's, with {@code -2}, {@code -3}... for the second and later instances. */
    public String name() {
        return name;
    }

    /** 1 for the first (or only) instance of the service. */
    public int instance() {
        return instance;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Health ({@code /q/health}) and metrics ({@code /q/metrics}): the management interface, not the API port. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The JDK it runs on. */
    public ServiceRuntime runtime() {
        return runtime;
    }

    /** How long the last start took until the readiness check answered 200. */
    public Duration lastStartupTime() {
        return lastStartup;
    }

    /** The value of one variable of the service's environment, as its next start gets it. */
    String environment(String variable) {
        return environment.get(variable);
    }

    /** Sets one variable for the next start (a running instance keeps what it was started with). */
    void environment(String variable, String value) {
        environment.put(variable, value);
    }

    /** Spawns the JVM and returns at once; see {@link #awaitReady}. */
    public synchronized void start() {
        if (process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new StackStartException(service.moduleName() + " is not packaged: " + jar
                    + " is missing (run ./mvnw -DskipTests install)");
        }
        // the service's own options last: they win over the heap's start the given ones set
        List<String> command = process.javaCommand(runtime.java(),
                Stream.concat(jvmOptions.stream(), service.ownJvmOptions().stream()).toList());
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> variables = new LinkedHashMap<>();
        DEFAULT_NATIVE_ENVIRONMENT.forEach((variable, value) -> {
            if (System.getenv(variable) == null) {
                variables.put(variable, value);
            }
        });
        variables.putAll(environment);
        variables.put("HTTP_PORT", Integer.toString(port));
        variables.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        process.starting();
        process.spawn(command, variables, workingDirectory);
    }

    /**
     * Polls {@code /q/health/ready} on the management port until 200; fails fast, quoting the log, if the process
     * exits. A start that died because one of its ports was taken meanwhile starts again on other ports, when it
     * has {@code otherPorts}.
     */
    public void awaitReady(Duration timeout, BooleanSupplier stillWorthWaiting) {
        for (int attempt = 1; ; attempt++) {
            try {
                pollReadiness(timeout, stillWorthWaiting);
                break;
            } catch (StackStartException e) {
                Set<Integer> taken = takenPortsToMove();
                if (taken.isEmpty() || attempt == PORT_ATTEMPTS || !stillWorthWaiting.getAsBoolean()) {
                    process.reportFailure("see " + process.logFile());
                    throw e;
                }
                movePorts(taken);
                start();
            }
        }
        process.ready(baseUri().toString());
    }

    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> true);
    }

    /** The ports of the last start that its log names as taken, if it died of it and others may be taken instead. */
    private Set<Integer> takenPortsToMove() {
        if (otherPorts == null || process.isAlive()) {
            return Set.of();
        }
        return TakenPorts.named(process.logSinceStart(), Set.of(port, managementPort));
    }

    private synchronized void movePorts(Set<Integer> taken) {
        int api = taken.contains(port) ? otherPorts.getAsInt() : port;
        int management = taken.contains(managementPort) ? otherPorts.getAsInt() : managementPort;
        LOG.warn("{}: port(s) {} taken by another process meanwhile, starting again on {} (API) and {} (management)",
                name, taken, api, management);
        port = api;
        managementPort = management;
    }

    private void pollReadiness(Duration timeout, BooleanSupplier stillWorthWaiting) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackStartException(process.failureMessage(name + " exited during start-up"));
            }
            if (!stillWorthWaiting.getAsBoolean()) {
                throw new StackStartException(name + ": start-up abandoned");
            }
            if (isReady()) {
                lastStartup = Duration.ofNanos(System.nanoTime() - started);
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + name, e);
            }
        }
        throw new StackStartException(process.failureMessage(name + " not ready after " + timeout.toSeconds() + " s"));
    }

    /** Whether the service answers its readiness check right now. */
    public boolean isReady() {
        return answersReady(managementUri());
    }

    /** Whether a service answers its readiness check ({@code /q/health/ready}) on this management address. */
    static boolean answersReady(URI management) {
        HttpRequest ready = HttpRequest.newBuilder(management.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Graceful stop (SIGTERM lets Quarkus finish requests and close its Kafka clients), SIGKILL after 20 s. */
    public void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    /** SIGKILL, to simulate a crash. */
    public void kill() {
        process.kill();
    }

    public void restart(Duration readyTimeout) {
        stop();
        start();
        awaitReady(readyTimeout);
    }
}
