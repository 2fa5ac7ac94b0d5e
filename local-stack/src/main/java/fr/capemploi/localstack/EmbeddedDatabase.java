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
            // extra server settings for a profile (e.g. shared_preload_libraries=pg_stat_statements), never needed
            extraSettings().forEach(builder::setServerConfig);
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

    /** {@code SUITE_PG_SETTINGS}: {@code name=value} pairs separated by spaces, added to the server's settings. */
    private static java.util.Map<String, String> extraSettings() {
        String given = System.getenv("SUITE_PG_SETTINGS");
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (given != null) {
            for (String pair : given.trim().split("\\s+")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    settings.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return settings;
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
            } finally {
                // the library gives pg_ctl 5 s and only logs when the server took longer (seen on a saturated
                // machine): the postmaster would outlive the stack, still answering on its port
                endOrphanedPostmaster();
            }
        }
    }

    /** Where a backup keeps the server's data folder, beside {@value #BACKUP_PROPERTIES}. */
    static final String BACKUP_DATA = "data";
    static final String BACKUP_PROPERTIES = "backup.properties";

    /** Left out of a backup's copy of the data folder, as pg_basebackup leaves them out: rebuilt at start-up. */
    private static final java.util.Set<String> NOT_COPIED = java.util.Set.of("postmaster.pid", "postmaster.opts",
            "epg-lock", "backup_label", "backup_label.old", "tablespace_map", "pg_internal.init");
    /** Folders copied empty. */
    private static final java.util.Set<String> COPIED_EMPTY = java.util.Set.of("pg_wal", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final java.util.regex.Pattern WAL_SEGMENT = java.util.regex.Pattern.compile("[0-9A-F]{24}");
    private static final java.util.regex.Pattern START_SEGMENT =
            java.util.regex.Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

    /**
     * An online physical backup of the whole server, as pg_basebackup takes one (the embedded binaries have no client
     * tools): {@code pg_backup_start}, a copy of the data folder while the server runs, {@code pg_backup_stop}, then
     * the WAL written meanwhile (kept by a temporary replication slot). Started from it, PostgreSQL replays that WAL
     * and reaches one consistent moment, the same for every database of the server.
     */
    public void backup(Path target) {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        Path data = target.resolve(BACKUP_DATA);
        try {
            if (Files.exists(target)) {
                try (var entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(target + " exists and is not empty");
                    }
                }
            }
            Files.createDirectories(data);
            java.util.Properties manifest = new java.util.Properties();
            try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                 java.sql.Statement sql = connection.createStatement()) {
                String slot = "suite_backup_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
                // temporary: dropped when this session ends; reserved now: no WAL from here on is recycled meanwhile
                sql.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true, true)");
                manifest.setProperty("server", single(sql, "SELECT version()"));
                manifest.setProperty("databases", single(sql, "SELECT string_agg(datname, ',' ORDER BY datname) "
                        + "FROM pg_database WHERE NOT datistemplate"));
                manifest.setProperty("started", java.time.Instant.now().toString());
                manifest.setProperty("start.lsn", single(sql, "SELECT pg_backup_start('suite backup', true)::text"));
                copyTree(dataDirectory, data, true);
                String label;
                try (java.sql.ResultSet stop = sql.executeQuery(
                        "SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    stop.next();
                    manifest.setProperty("stop.lsn", stop.getString(1));
                    label = stop.getString(2);
                    Files.writeString(data.resolve("backup_label"), label, StandardCharsets.UTF_8);
                    String tablespaces = stop.getString(3);
                    if (tablespaces != null && !tablespaces.isBlank()) {
                        Files.writeString(data.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                    }
                }
                // everything up to the end of the backup on disk, in segments the copy below takes
                single(sql, "SELECT pg_switch_wal()::text");
                java.util.regex.Matcher start = START_SEGMENT.matcher(label);
                if (!start.find()) {
                    throw new IllegalStateException("unexpected backup label: " + label);
                }
                copyWal(start.group(1), data.resolve("pg_wal"));
                manifest.setProperty("finished", java.time.Instant.now().toString());
            }
            try (var writer = Files.newBufferedWriter(target.resolve(BACKUP_PROPERTIES), StandardCharsets.UTF_8)) {
                manifest.store(writer, "written by ./suite backup; ./suite restore brings it back");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup into " + target + " failed", e);
        }
    }

    /** @throws IllegalArgumentException unless {@code backup} holds what {@link #backup} writes */
    static void checkBackup(Path backup) {
        Path data = backup.resolve(BACKUP_DATA);
        if (!Files.isRegularFile(backup.resolve(BACKUP_PROPERTIES)) || !Files.isRegularFile(data.resolve("PG_VERSION"))
                || !Files.isRegularFile(data.resolve("backup_label"))) {
            throw new IllegalArgumentException(backup + " is not a backup written by ./suite backup");
        }
    }

    /**
     * Puts a backup's data folder in place of this server's, which must be stopped; the current one is kept aside
     * (the one kept by a previous restore is deleted). @return where the replaced data folder now is
     */
    public synchronized Path replaceDataWith(Path backup) {
        if (postgres != null) {
            throw new IllegalStateException("stop PostgreSQL before restoring");
        }
        checkBackup(backup);
        Path aside = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore");
        try {
            deleteTree(aside);
            if (Files.exists(dataDirectory)) {
                Files.move(dataDirectory, aside);
            }
            copyTree(backup.resolve(BACKUP_DATA), dataDirectory, false);
            // PostgreSQL refuses a data folder others may read
            Files.setPosixFilePermissions(dataDirectory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put " + backup + " in place of " + dataDirectory, e);
        }
    }

    private static String single(java.sql.Statement sql, String query) throws SQLException {
        try (java.sql.ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Copies a data folder; from a running server, files that vanish meanwhile are skipped (WAL replay redoes them). */
    private static void copyTree(Path from, Path to, boolean live) throws IOException {
        Files.walkFileTree(from, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                if (live && !dir.equals(from) && dir.getParent().equals(from)
                        && COPIED_EMPTY.contains(dir.getFileName().toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        // the layout initdb makes (PostgreSQL 17 also keeps WAL summaries there)
                        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
                        Files.createDirectories(to.resolve("pg_wal").resolve("summaries"));
                    }
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
                    throws IOException {
                String name = file.getFileName().toString();
                if (live && (NOT_COPIED.contains(name) || name.startsWith("pgsql_tmp"))) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.NoSuchFileException vanished) {
                    if (!live) {
                        throw vanished;
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (live && e instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The WAL segments from the backup's first one on, and the timeline history files. */
    private void copyWal(String firstSegment, Path into) throws IOException {
        Files.createDirectories(into.resolve("archive_status"));
        try (var files = Files.list(dataDirectory.resolve("pg_wal"))) {
            for (Path file : files.collect(java.util.stream.Collectors.toList())) {
                String name = file.getFileName().toString();
                boolean segment = WAL_SEGMENT.matcher(name).matches() && name.compareTo(firstSegment) >= 0;
                if (segment || name.endsWith(".history")) {
                    try {
                        Files.copy(file, into.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException recycled) {
                        // only a segment older than the slot's reservation can go meanwhile: not needed
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).collect(java.util.stream.Collectors.toList())) {
                Files.delete(path);
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
