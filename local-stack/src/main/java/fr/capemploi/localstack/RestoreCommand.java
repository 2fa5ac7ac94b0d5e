package fr.capemploi.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code ./suite restore [DIR]}: asks the running launcher to bring a backup's databases back. */
@Command(name = "restore", description = "Bring the databases of the backup in DIR back (default: the latest in "
        + "<data>/backups); the topics are kept.")
final class RestoreCommand extends BackupFolderCommand {

    @Override
    Optional<Path> defaultFolder() {
        Path backups = dataDirectory.resolve("backups");
        Optional<Path> latest = Optional.empty();
        if (Files.isDirectory(backups)) {
            try (var entries = Files.list(backups)) {
                latest = entries.filter(p -> Files.isRegularFile(p.resolve("backup.properties")))
                        .max(Comparator.comparing(p -> p.getFileName().toString()));
            } catch (IOException e) {
                err.println("suite: cannot read " + backups + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        if (latest.isEmpty()) {
            err.println("suite: no backup in " + backups + " (./suite backup writes one)");
        }
        return latest;
    }

    @Override
    String announcement(Path folder) {
        return "Restoring " + folder + " (the services stop meanwhile)...";
    }
}
