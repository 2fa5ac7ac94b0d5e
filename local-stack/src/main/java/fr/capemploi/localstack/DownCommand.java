package fr.capemploi.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code ./suite down}: stops a stack started with {@code up -d}, or what a killed launcher left behind. */
@Command(name = "down", description = "Stop a stack started with up -d.")
final class DownCommand extends LauncherCommand {

    @Override
    int run() {
        Optional<ProcessHandle> launcher = runningLauncher();
        if (launcher.isEmpty()) {
            // a launcher killed with SIGKILL leaves its children behind: end them here rather than at the next up
            configureLauncherLog();
            List<String> ended = stackBuilder().build().endLeftovers();
            out.println(ended.isEmpty() ? "No stack is running from " + dataDirectory + "."
                    : "No launcher was running; ended what it had left behind: " + String.join(", ", ended));
            return 0;
        }
        ProcessHandle handle = launcher.get();
        out.println("Stopping the stack (launcher pid " + handle.pid() + ")...");
        // SIGTERM runs the launcher's shutdown hook, which stops the services, the broker and PostgreSQL in order
        handle.destroy();
        ChildProcess.awaitExit(handle, Duration.ofSeconds(120));
        if (handle.isAlive()) {
            err.println("suite: the launcher did not stop within 120 s; killing it");
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            return 1;
        }
        out.println("Stopped.");
        return 0;
    }
}
