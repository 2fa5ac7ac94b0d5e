package fr.capemploi.localstack;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./suite backup [DIR]}: asks the running launcher for a backup of the four databases. */
@Command(name = "backup", description = "Back up the four databases, one moment for all of them.")
final class BackupCommand extends LauncherCommand {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "default: <data>/backups/<time>")
    String directory;

    @Override
    int run() {
        Path target = directory == null
                ? dataDirectory.resolve("backups").resolve(java.time.format.DateTimeFormatter
                        .ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()))
                : Path.of(directory).toAbsolutePath().normalize();
        out.println("Backing up the databases into " + target + "...");
        out.flush();
        return controlRequest("backup " + target, "backup", Duration.ofMinutes(30));
    }
}
