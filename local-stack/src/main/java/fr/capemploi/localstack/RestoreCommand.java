package fr.capemploi.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./suite restore [DIR]}: asks the running launcher to bring a backup's databases back. */
@Command(name = "restore", description = "Bring a backup's databases back; the topics are kept.")
final class RestoreCommand extends LauncherCommand {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "default: the latest in <data>/backups")
    String directory;

    @Override
    int run() {
        Path source;
        if (directory == null) {
            Optional<Path> latest = Optional.empty();
            Path backups = dataDirectory.resolve("backups");
            if (Files.isDirectory(backups)) {
                try (var entries = Files.list(backups)) {
                    latest = entries.filter(p -> Files.isRegularFile(p.resolve("backup.properties")))
                            .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
                } catch (IOException e) {
                    err.println("suite: cannot read " + backups + ": " + e.getMessage());
                    return 1;
                }
            }
            if (latest.isEmpty()) {
                err.println("suite: no backup in " + backups + " (./suite backup writes one)");
                return 1;
            }
            source = latest.get();
        } else {
            source = Path.of(directory).toAbsolutePath().normalize();
        }
        out.println("Restoring " + source + " (the services stop meanwhile)...");
        out.flush();
        return controlRequest("restore " + source, "restore", Duration.ofMinutes(30));
    }
}
