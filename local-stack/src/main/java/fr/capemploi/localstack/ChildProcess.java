package fr.capemploi.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One JVM (or other program) that the stack spawned: its log file, its pid file and how to end it.
 *
 * <p>The pid file lets the next launcher end a child that survived a launcher killed with SIGKILL (no shutdown
 * hook runs then). Every child command line carries a marker argument so that a pid recycled by an unrelated
 * process is never touched.
 */
final class ChildProcess {

    private final String name;
    private final Path logFile;
    private final Path pidFile;
    private final String marker;
    private volatile Process process;
    /** Where the last start's output begins in the log, which keeps every earlier start's too. */
    private volatile long startOffset;

    ChildProcess(String name, Path logFile, Path pidFile, String marker) {
        this.name = name;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.marker = marker;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    /** The argument to put on the child's command line so that {@link #endStale} recognises it later. */
    String marker() {
        return marker;
    }

    synchronized Process start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            Files.writeString(logFile,
                    System.lineSeparator() + "=== " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                            + " starting " + name + ": " + printable(command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            startOffset = Files.size(logFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process started = builder.start();
            process = started;
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(started.pid()), StandardCharsets.US_ASCII);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The command for the log, with a long classpath shortened: the full one is in the jar's resource. */
    private static String printable(List<String> command) {
        return command.stream()
                .map(arg -> arg.length() > 200 ? arg.substring(0, 80) + "...(" + arg.length() + " chars)" : arg)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    Optional<Long> pid() {
        Process current = process;
        return current == null ? Optional.empty() : Optional.of(current.pid());
    }

    Optional<Integer> exitCode() {
        Process current = process;
        return current == null || current.isAlive() ? Optional.empty() : Optional.of(current.exitValue());
    }

    Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** SIGTERM, then SIGKILL if the process is still there after {@code grace}. */
    void stop(Duration grace) {
        Process current = process;
        if (current == null) {
            return;
        }
        if (current.isAlive()) {
            current.destroy();
            awaitExit(current, grace);
        }
        if (current.isAlive()) {
            kill();
        }
        removePidFile();
    }

    /** SIGKILL, like a crash: the child gets no chance to clean up. */
    void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.descendants().forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        awaitExit(current, Duration.ofSeconds(10));
        removePidFile();
    }

    String logTail(int lines) {
        return tail(logFile, lines);
    }

    /** The output of the last start (its last 64 KiB at most). */
    String logSinceStart() {
        return read(logFile, startOffset, Integer.MAX_VALUE);
    }

    private void removePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a leftover pid file is harmless: the marker check protects the next start
        }
    }

    /**
     * Ends the process recorded in {@code pidFile} by an earlier launcher that died without cleaning up,
     * provided its command line still carries {@code marker}.
     */
    static Optional<Long> endStale(Path pidFile, String marker, Duration grace) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> commandLineContains(h, marker));
            handle.ifPresent(h -> {
                h.destroy();
                awaitExit(h, grace);
                if (h.isAlive()) {
                    h.destroyForcibly();
                    awaitExit(h, Duration.ofSeconds(10));
                }
            });
            Files.deleteIfExists(pidFile);
            return handle.map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean commandLineContains(ProcessHandle handle, String text) {
        ProcessHandle.Info info = handle.info();
        if (info.arguments().map(args -> List.of(args).contains(text)).orElse(false)) {
            return true;
        }
        return info.commandLine().map(line -> line.contains(text)).orElse(false);
    }

    static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out or failed: the caller checks isAlive()
        }
    }

    private static void awaitExit(Process process, Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path file, int lines) {
        return read(file, 0, lines);
    }

    /** The last {@code lines} lines from {@code offset} on; at most the last 64 KiB: service logs grow across restarts. */
    private static String read(Path file, long offset, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.min(length, Math.max(offset, length - 65_536));
            byte[] bytes = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(bytes);
            List<String> all = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
