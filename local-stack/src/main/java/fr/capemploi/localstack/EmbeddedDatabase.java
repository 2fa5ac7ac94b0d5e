package fr.capemploi.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL server from the zonky binaries (Maven Central), with a data folder kept across restarts.
 *
 * <p>zonky starts the postmaster through {@code pg_ctl}, which detaches it: it is not a descendant of this JVM, so
 * it is stopped explicitly here (and by zonky's own shutdown hook). A postmaster orphaned by a launcher killed with
 * SIGKILL is found through its {@code postmaster.pid} and stopped before starting again.
 */
public final class EmbeddedDatabase implements DatabaseServer {

    static final String SUPERUSER = "postgres";

    private final Path dataDirectory;
    private final Path binariesDirectory;
    private final Path logFile;
    private final int port;
    private volatile EmbeddedPostgres postgres;

    /**
     * @param binariesDirectory where the binaries are unpacked; {@code null} for zonky's shared default
     *                          ({@code $TMPDIR/embedded-pg}), which every zonky user on the machine reuses
     */
    public EmbeddedDatabase(Path dataDirectory, Path binariesDirectory, Path logFile, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.binariesDirectory = binariesDirectory == null ? null : binariesDirectory.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
    }

    @Override
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (binariesDirectory != null) {
                Files.createDirectories(binariesDirectory);
                builder.setOverrideWorkingDirectory(binariesDirectory.toFile());
            }
            postgres = builder
                    .setPgBinaryResolver(EmbeddedDatabase::binaries)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // the embedded defaults trade durability for speed; this data folder must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new StackStartException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + System.lineSeparator() + ChildProcess.tail(logFile, 20), e);
        }
    }

    /**
     * The first archive on the class path. zonky's default resolver refuses two copies of the same archive, which
     * happens when local-stack.jar is used as a library: its manifest class path names lib/ beside it again.
     */
    private static java.io.InputStream binaries(String system, String architecture) throws IOException {
        String name = "postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-"
                + architecture.toLowerCase(java.util.Locale.ROOT) + ".txz";
        java.io.InputStream archive = EmbeddedDatabase.class.getClassLoader().getResourceAsStream(name);
        if (archive == null) {
            throw new IOException("No embedded PostgreSQL binaries " + name + " on the class path");
        }
        return archive;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    /** The embedded server trusts local connections; a non-empty value keeps "unset" semantics out of the way. */
    @Override
    public String password() {
        return SUPERUSER;
    }

    @Override
    public String describe() {
        return "127.0.0.1:" + port + " (embedded, data in " + dataDirectory + ")";
    }

    @Override
    public void ensureDatabases(Collection<String> databases) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user(), password())) {
            DatabaseServer.createMissing(admin, databases);
        } catch (SQLException e) {
            throw new StackStartException("cannot create databases " + databases + ": " + e.getMessage(), e);
        }
    }

    public boolean isRunning() {
        return postgres != null;
    }

    @Override
    public synchronized void close() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Stops a postmaster that still serves this data folder although no launcher owns it any more (the launcher
     * was killed with SIGKILL). Returns its pid if there was one.
     */
    Optional<Long> endOrphanedPostmaster() {
        if (postgres != null) {
            return Optional.empty();
        }
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> orphan;
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            orphan = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        // only a postmaster serving this very data folder: the pid may have been reused by anything else
        Optional<ProcessHandle> serving = orphan.filter(ProcessHandle::isAlive)
                .filter(h -> ChildProcess.commandLineContains(h, dataDirectory.toString()));
        serving.ifPresent(h -> {
                    // SIGINT is PostgreSQL's "fast" shutdown: it disconnects clients instead of waiting for them
                    signal(h, "INT");
                    ChildProcess.awaitExit(h, Duration.ofSeconds(30));
                    if (h.isAlive()) {
                        h.destroyForcibly();
                        ChildProcess.awaitExit(h, Duration.ofSeconds(10));
                    }
                });
        return serving.map(ProcessHandle::pid);
    }

    private static void signal(ProcessHandle handle, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid())).start();
            kill.waitFor();
        } catch (IOException e) {
            handle.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
