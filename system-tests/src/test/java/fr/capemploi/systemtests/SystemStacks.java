package fr.capemploi.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.capemploi.localstack.LocalStack;
import fr.capemploi.localstack.ServiceProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The suite as the system tests run it: one PostgreSQL server, one broker process and the four service processes,
 * in a data folder of its own (emptied first, so every class starts from an empty suite), on random loopback ports.
 */
final class SystemStacks {

    private SystemStacks() {
    }

    /** Starts a stack in {@code target/system-tests-stack<suffix>}. */
    static LocalStack start(String suffix) throws IOException {
        Path data = Path.of(System.getProperty("suite.test.data", "target/system-tests-stack") + suffix);
        deleteRecursively(data);
        LocalStack stack = LocalStack.builder()
                .dataDirectory(data)
                .randomPorts()
                .listener((component, state, detail) ->
                        System.err.printf("[stack] %-20s %-9s %s%n", component, state.label(), detail))
                .build();
        stack.start();
        System.err.printf("[stack] ready in %d ms: %s%n", stack.startupTime().toMillis(),
                stack.componentStartupTimes());
        return stack;
    }

    /** Stops the stack and checks that nothing it started outlives it: no process, no database server. */
    static void stop(LocalStack stack) {
        if (stack == null) {
            return;
        }
        List<Long> pids = stack.services().stream().map(ServiceProcess::pid).collect(Collectors.toList());
        stack.broker().ifPresent(broker -> pids.add(broker.pid()));
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
