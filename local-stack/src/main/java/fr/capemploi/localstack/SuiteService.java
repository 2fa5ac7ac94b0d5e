package fr.capemploi.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * The four services of the suite, with the API port and database each one gets by default. Health and metrics are on
 * each service's management port: the API port + 1000 (9081-9084), as each service's own default says.
 */
public enum SuiteService {
    BENEFICIARY("beneficiary-service", 8081, "beneficiary", List.of()),
    CEP("cep-service", 8082, "cep", List.of()),
    CPF("cpf-service", 8083, "cpf", List.of()),
    /**
     * Its own JVM options, after the ones every service is given (they win over the heap's start there): a young
     * generation of 112 MiB whose survivor spaces are a quarter of it each (the collector's default: a third of the
     * heap, survivors a tenth of that, ~7 MiB), filled up to 90 % before objects are promoted early (default: 50 %), and
     * the heap starting at 176 MiB so that the young generation has its size from the start (with -Xms64m it would
     * start at 64 MiB and grow only at full collections). A rebuild keeps ~3 KB a record alive from its poll to its
     * batch's commit, three batches of 2,000 at a time (~20 MB); with the default shape every young collection
     * promoted them, ~300 MB a rebuild of 95,000 events, and 3-5 full collections followed. With this one they die in
     * the survivor spaces: no full collection in a rebuild, ~1 MB promoted, its stop-the-world time 3-5 times shorter,
     * the heap at 148 instead of ~220 MiB, the resident peak in a rebuild ~345 instead of ~440 MiB, reporting-service's
     * CPU per rebuilt event the same or lower; the price, ~35 MiB more resident at ready and in live operation (245-258
     * and 298-306 MiB against 203-219 and 265-271: over #11's 300 MiB by ~5 after a catch-up), where the eden is touched
     * whole from the start (bench/JOURNAL.md, "A rebuild's batches made to die young"). The write services keep no such
     * batches alive: they have no options of their own.
     */
    REPORTING("reporting-service", 8084, "reporting",
            List.of("-Xms176m", "-Xmn112m", "-XX:SurvivorRatio=2", "-XX:TargetSurvivorRatio=90"));

    /** Distance from the API port to the management port in the default layout. */
    public static final int MANAGEMENT_OFFSET = 1000;

    private final String moduleName;
    private final int defaultPort;
    private final String database;
    private final List<String> ownJvmOptions;

    SuiteService(String moduleName, int defaultPort, String database, List<String> ownJvmOptions) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
        this.ownJvmOptions = ownJvmOptions;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public int defaultManagementPort() {
        return defaultPort + MANAGEMENT_OFFSET;
    }

    public String database() {
        return database;
    }

    /** The JVM options this service runs with after those every service is given (its image sets the same). */
    public List<String> ownJvmOptions() {
        return ownJvmOptions;
    }

    /** The fast-jar that {@code ./mvnw package} produces for this service. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
