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
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** One packaged Quarkus service ({@code java -jar quarkus-run.jar}) and its readiness. */
public final class ServiceProcess {

    /** Lines of its log quoted when a service dies after start-up. */
    static final int DEATH_LOG_LINES = 15;

    /**
     * Without the C2 compiler a service starts in about half the time, and on this 2-core machine it also answers
     * writes with half the CPU per request (bench/README.md, "JVM options": C2's compilations compete with the
     * service for the same cores and never finish paying back). Serial GC and a bounded heap keep them small.
     * The containers use the same options; benchmarks measure with them unless told otherwise.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final SuiteService service;
    private final String name;
    private final int instance;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path workingDirectory;
    private final ChildProcess process;
    private final StackListener listener;
    private volatile Duration lastStartup = Duration.ZERO;
    private volatile boolean stopRequested;
    /** The exit watcher and the readiness wait may both see a failed start: report it once. */
    private final java.util.concurrent.atomic.AtomicBoolean failureReported =
            new java.util.concurrent.atomic.AtomicBoolean();

    ServiceProcess(SuiteService service, int instance, Path jar, int port, int managementPort,
                   Map<String, String> environment, List<String> jvmOptions, Path logFile, Path pidFile,
                   Path workingDirectory, String marker, StackListener listener) {
        this.listener = listener;
        this.service = service;
        this.instance = instance;
        this.name = instanceName(service, instance);
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workingDirectory = workingDirectory;
        this.process = new ChildProcess(name, logFile.toAbsolutePath(), pidFile, marker);
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
        return process.pid().orElse(-1L);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** How long the last start took until the readiness check answered 200. */
    public Duration lastStartupTime() {
        return lastStartup;
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
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(process.marker());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        stopRequested = false;
        failureReported.set(false);
        listener.stateChanged(name, ComponentState.STARTING, "");
        process.start(command, environment, workingDirectory).onExit().thenAccept(this::exited);
    }

    private void exited(Process exited) {
        // a restart may already have replaced the process whose exit is reported here
        if (stopRequested || process.process().filter(current -> current == exited).isEmpty()) {
            return;
        }
        int code = exited.exitValue();
        // 130/143: ended by SIGINT/SIGTERM from outside, e.g. Ctrl-C reaching the whole process group
        boolean signalled = code == 130 || code == 143;
        String detail = "exited with code " + code + ", see " + process.logFile();
        if (!signalled) {
            // whoever watches the console learns why without opening the log
            detail += "; last lines:" + System.lineSeparator() + process.logTail(DEATH_LOG_LINES);
        }
        if (signalled) {
            listener.stateChanged(name, ComponentState.STOPPED, detail);
        } else {
            reportFailure(detail);
        }
    }

    /** Polls {@code /q/health/ready} on the management port until 200; fails fast, quoting the log, if the process exits. */
    public void awaitReady(Duration timeout, BooleanSupplier stillWorthWaiting) {
        try {
            pollReadiness(timeout, stillWorthWaiting);
        } catch (StackStartException e) {
            reportFailure("see " + process.logFile());
            throw e;
        }
        listener.stateChanged(name, ComponentState.READY, baseUri().toString());
    }

    private void pollReadiness(Duration timeout, BooleanSupplier stillWorthWaiting) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(managementUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackStartException(failureMessage("exited during start-up"));
            }
            if (!stillWorthWaiting.getAsBoolean()) {
                throw new StackStartException(name + ": start-up abandoned");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    lastStartup = Duration.ofNanos(System.nanoTime() - started);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + name, e);
            }
        }
        throw new StackStartException(failureMessage("not ready after " + timeout.toSeconds() + " s"));
    }

    public void awaitReady(Duration timeout) {
        awaitReady(timeout, () -> true);
    }

    /** Whether the service answers its readiness check right now. */
    public boolean isReady() {
        HttpRequest ready = HttpRequest.newBuilder(managementUri().resolve("/q/health/ready"))
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
        stopRequested = true;
        if (!process.isAlive()) {
            // already gone (crashed, killed or never started): only tidy up the pid file
            process.stop(Duration.ZERO);
            return;
        }
        listener.stateChanged(name, ComponentState.STOPPING, "");
        process.stop(Duration.ofSeconds(20));
        listener.stateChanged(name, ComponentState.STOPPED, "");
    }

    /** SIGKILL, to simulate a crash. */
    public void kill() {
        stopRequested = true;
        if (process.pid().isEmpty()) {
            return;
        }
        process.kill();
        listener.stateChanged(name, ComponentState.STOPPED, "killed");
    }

    public void restart(Duration readyTimeout) {
        stop();
        start();
        awaitReady(readyTimeout);
    }

    private void reportFailure(String detail) {
        if (failureReported.compareAndSet(false, true)) {
            listener.stateChanged(name, ComponentState.FAILED, detail);
        }
    }

    String failureMessage(String cause) {
        String exit = process.exitCode().map(code -> " (exit code " + code + ")").orElse("");
        return name + " " + cause + exit + "; end of " + process.logFile() + ":"
                + System.lineSeparator() + process.logTail(25);
    }
}
