package fr.capemploi.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A long-running child of the stack (a Kafka node, a service instance) as the stack's listener sees it: started,
 * ready, stopped on request, killed, or dead on its own. Both kinds of child go through the same states, and a death
 * must be told apart from a stop the stack asked for, once, whichever of the exit watcher and the readiness wait sees
 * it first.
 */
final class SupervisedChild {

    /** Lines of its log quoted when a child dies after start-up. */
    static final int DEATH_LOG_LINES = 15;

    private final ChildProcess process;
    private final StackListener listener;
    /** Asked when the child dies on its own: whether the one who waits for it will start it again instead. */
    private final BooleanSupplier startWillBeRetried;
    private volatile boolean stopRequested;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    SupervisedChild(String name, Path logFile, Path pidFile, String marker, StackListener listener,
                    BooleanSupplier startWillBeRetried) {
        this.process = new ChildProcess(name, logFile.toAbsolutePath(), pidFile, marker);
        this.listener = listener;
        this.startWillBeRetried = startWillBeRetried;
    }

    String name() {
        return process.name();
    }

    Path logFile() {
        return process.logFile();
    }

    /** The argument every command line of this child carries, see {@link ChildProcess#marker()}. */
    String marker() {
        return process.marker();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid().orElse(-1L);
    }

    /** Announces a start: a later death is a failure again, not the end of a stop that was asked for. */
    void starting() {
        stopRequested = false;
        failureReported.set(false);
        listener.stateChanged(name(), ComponentState.STARTING, "");
    }

    /** The launcher's {@code java}, this child's marker, then {@code jvmOptions}. */
    List<String> javaCommand(List<String> jvmOptions) {
        return javaCommand(ServiceRuntime.current().java(), jvmOptions);
    }

    /** {@code java}, this child's marker, then {@code jvmOptions}: the start of every JVM command line it runs. */
    List<String> javaCommand(Path java, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(marker());
        command.addAll(jvmOptions);
        return command;
    }

    void spawn(List<String> command, Map<String, String> environment, Path workingDirectory) {
        process.start(command, environment, workingDirectory).onExit().thenAccept(this::exited);
    }

    void ready(String detail) {
        listener.stateChanged(name(), ComponentState.READY, detail);
    }

    private void exited(Process exited) {
        // a restart may already have replaced the process whose exit is reported here
        if (stopRequested || process.process().filter(current -> current == exited).isEmpty()) {
            return;
        }
        int code = exited.exitValue();
        // 130/143: ended by SIGINT/SIGTERM from outside, e.g. Ctrl-C reaching the whole process group
        if (code == 130 || code == 143) {
            listener.stateChanged(name(), ComponentState.STOPPED, "exited with code " + code + ", see " + logFile());
        } else if (!startWillBeRetried.getAsBoolean()
                // asked after the waiter may have started it again: then this death is a replaced process's
                && process.process().filter(current -> current == exited).isPresent()) {
            // whoever watches the console learns why without opening the log
            reportFailure("exited with code " + code + ", see " + logFile() + "; last lines:"
                    + System.lineSeparator() + process.logTail(DEATH_LOG_LINES));
        }
    }

    /** Ends it (SIGTERM, then SIGKILL after {@code grace}); a child already gone only loses its pid file. */
    void stop(Duration grace) {
        stopRequested = true;
        if (!process.isAlive()) {
            process.stop(Duration.ZERO);
            return;
        }
        listener.stateChanged(name(), ComponentState.STOPPING, "");
        process.stop(grace);
        listener.stateChanged(name(), ComponentState.STOPPED, "");
    }

    /** SIGKILL, like a crash: the child gets no chance to clean up. */
    void kill() {
        stopRequested = true;
        if (process.pid().isEmpty()) {
            return;
        }
        process.kill();
        listener.stateChanged(name(), ComponentState.STOPPED, "killed");
    }

    void reportFailure(String detail) {
        if (failureReported.compareAndSet(false, true)) {
            listener.stateChanged(name(), ComponentState.FAILED, detail);
        }
    }

    /** Why a start failed, with the exit code if it is gone and the end of its log. */
    String failureMessage(String cause) {
        String exit = process.exitCode().map(code -> " (exit code " + code + ")").orElse("");
        return cause + exit + "; end of " + logFile() + ":" + System.lineSeparator() + process.logTail(25);
    }

    String logTail(int lines) {
        return process.logTail(lines);
    }

    /** What the child wrote since its last start. */
    String logSinceStart() {
        return process.logSinceStart();
    }
}
