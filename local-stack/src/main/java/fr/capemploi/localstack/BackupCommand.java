package fr.capemploi.localstack;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code ./suite backup [DIR]}: asks the running launcher for a backup of the four databases. */
@Command(name = "backup", description = "Back up the four databases, one moment for all of them, into DIR "
        + "(default: <data>/backups/<time>).")
final class BackupCommand extends BackupFolderCommand {

    @Override
    Optional<Path> defaultFolder() {
        return Optional.of(dataDirectory.resolve("backups").resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now())));
    }

    @Override
    String announcement(Path folder) {
        return "Backing up the databases into " + folder + "...";
    }
}
