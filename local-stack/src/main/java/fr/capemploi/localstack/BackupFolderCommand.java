package fr.capemploi.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A command the running launcher carries out on one backup folder of the four databases ({@code backup},
 * {@code restore}): the DIR given, else the command's own default. The copy may take minutes and the launcher answers
 * once it is done, so the command says first what it is doing.
 */
abstract class BackupFolderCommand extends LauncherCommand {

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "the backup folder (default: see above)")
    String directory;

    /** The folder when none is given; empty, with the reason told on {@code err}, when there is none. */
    abstract Optional<Path> defaultFolder();

    /** What the user reads while the launcher works. */
    abstract String announcement(Path folder);

    @Override
    int run() {
        Optional<Path> folder = directory == null ? defaultFolder()
                : Optional.of(Path.of(directory).toAbsolutePath().normalize());
        if (folder.isEmpty()) {
            return 1;
        }
        out.println(announcement(folder.get()));
        out.flush();
        // the launcher's name for the operation is the command's
        String operation = getClass().getAnnotation(Command.class).name();
        return controlRequest(operation + " " + folder.get(), operation, Duration.ofMinutes(30));
    }
}
