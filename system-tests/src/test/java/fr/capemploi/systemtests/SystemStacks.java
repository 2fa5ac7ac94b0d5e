package fr.capemploi.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.capemploi.localstack.KafkaBroker;
import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import fr.capemploi.localstack.StackListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The suite as the system tests run it: one PostgreSQL server, one broker process and the four service processes,
 * in a data folder of its own (emptied first, so every class starts from an empty suite), on random loopback ports.
 */
final class SystemStacks {

    private SystemStacks() {
    }

    /**
     * Fault scenarios wait on retry back-offs and on the consumer groups noticing a dead member; these are the
     * settings an operator tunes for the same reason (environment variables of the services, documented in the root
     * README), shortened so that a scenario waits seconds rather than half a minute: the relay and the projection
     * channels retry a broker or database at most every 2 s (30 s in production), a killed consumer leaves its group
     * after 6 s (the broker's minimum; 10 s in production).
     */
    static final Map<String, String> FAULT_TIMINGS = Map.of(
            "CEPCPF_OUTBOX_MAX_BACKOFF", "2s",
            "CEPCPF_CONSUMER_MAX_BACKOFF", "2s",
            "CEPCPF_CONSUMER_SESSION_TIMEOUT_MS", "6000",
            "CEPCPF_CONSUMER_HEARTBEAT_INTERVAL_MS", "2000");

    /**
     * Twelve JVMs starting at once on 2 cores can keep a service's first database connection waiting longer than the
     * pool's 5 s, and Flyway then fails the start (seen at load 50: a whole run lost). Flyway's own retries wait for it,
     * at start-up only: a request during a database outage still gets its 503 after the pool's wait.
     */
    static final Map<String, String> START_UNDER_LOAD = Map.of("QUARKUS_FLYWAY_CONNECT_RETRIES", "5");

    /**
     * Between a scenario's bursts of writes a stack's services sit idle, eight of them on the two-of-everything stack
     * for most of its class: an idle outbox relay looks for pending rows every 200 ms and an idle consumer asks each
     * broker for records every 500 ms, every one a round trip that the service and PostgreSQL or the brokers spend CPU
     * on. Both settings are the services' own (environment variables, root README). Neither delays what a scenario
     * waits for: a commit wakes its instance's relay at once and a broker answers a fetch as soon as records arrive.
     * What waits for the idle poll is a row committed on one instance while another instance's relay held the relay's
     * lock, or left pending by a killed instance: up to 2 s instead of 0.2 s (bench/JOURNAL.md, s35-h2).
     */
    static final Map<String, String> QUIET_WHEN_IDLE = Map.of("CEPCPF_OUTBOX_POLL_INTERVAL", "2s",
            "CEPCPF_CONSUMER_FETCH_MAX_WAIT_MS", "2000");

    /**
     * A stack in {@code target/system-tests-stack<suffix>} (emptied first), on random loopback ports, with the
     * {@link #FAULT_TIMINGS} and the launcher's own broker JVMs ({@code ./suite up}'s); every state change printed with
     * the seconds since this call (where a scenario spends its time), then passed to {@code also}.
     */
    static LocalStack.Builder builder(String suffix, String tag, StackListener also) throws IOException {
        Path data = dataFolder(suffix);
        deleteRecursively(data);
        long begin = System.nanoTime();
        LocalStack.Builder builder = LocalStack.builder()
                .dataDirectory(data)
                .randomPorts()
                // JVMs that live minutes: C1 alone, as the test JVMs (the shipped default adds C2, which pays back
                // only over a service's long life)
                .serviceJvmOptions(ServiceProcess.SHORT_LIVED_JVM_OPTIONS)
                // 70 s on an idle machine; a shared one at load 100 took more than the default 3 min to start twelve
                // JVMs, and the whole run was lost
                .startupTimeout(Duration.ofMinutes(5))
                .listener((component, state, detail) -> {
                    System.err.printf("[%s +%6.1fs] %-22s %-9s %s%n", tag, (System.nanoTime() - begin) / 1e9,
                            component, state.label(), detail);
                    also.stateChanged(component, state, detail);
                });
        FAULT_TIMINGS.forEach(builder::serviceEnvironment);
        START_UNDER_LOAD.forEach(builder::serviceEnvironment);
        QUIET_WHEN_IDLE.forEach(builder::serviceEnvironment);
        return builder;
    }

    static Path dataFolder(String suffix) {
        return Path.of(System.getProperty("suite.test.data", "target/system-tests-stack") + suffix);
    }

    /**
     * Stops the stack and checks that nothing it started outlives it: no process, no database server. The services and
     * the brokers are killed first: a graceful stop closes each service's Kafka consumers in turn (cep- and
     * reporting-service took ~5 s), then the brokers of a cluster shut down in turn (the last one ~5 s more), time the
     * class's fork spent at its very end with nothing left to check. A service's graceful stop is what
     * {@code ./suite restore} does to every service ({@code RunningSuiteSystemTest.BackupAndRestore}, which then finds
     * each of them ready and its rows as of the backup), through the same {@code ServiceProcess.stop()}; a broker's,
     * the outage {@code SuiteRestart} stages with the same {@code KafkaBroker.stop()}.
     */
    static void stop(LocalStack stack) {
        if (stack == null) {
            return;
        }
        List<Long> pids = stack.services().stream().map(ServiceProcess::pid).collect(Collectors.toList());
        stack.broker().ifPresent(broker -> pids.add(broker.pid()));
        stack.services().forEach(ServiceProcess::kill);
        stack.brokers().forEach(KafkaBroker::kill);
        stack.close();
        List<Long> survivors = pids.stream()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .collect(Collectors.toList());
        assertTrue(survivors.isEmpty(), "processes left behind: " + survivors);
        // a helper process of a component (a database or broker tool) may still be exiting when close() returns:
        // give it a moment, then name what is left
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        List<ProcessHandle> descendants = aliveDescendants();
        while (!descendants.isEmpty() && System.nanoTime() < deadline) {
            pause();
            descendants = aliveDescendants();
        }
        assertTrue(descendants.isEmpty(), "child processes left behind: " + descendants.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.toList()));
        assertTrue(!accepts(stack.database().jdbcUrl("x")), "PostgreSQL still answers after close");
    }

    private static List<ProcessHandle> aliveDescendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).collect(Collectors.toList());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for child processes to end", e);
        }
    }

    private static boolean accepts(String jdbcUrl) {
        // jdbc:postgresql://host:port/db
        String authority = jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.lastIndexOf('/'));
        int colon = authority.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(authority.substring(0, colon),
                    Integer.parseInt(authority.substring(colon + 1))), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
