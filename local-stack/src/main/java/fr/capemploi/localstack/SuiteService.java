package fr.capemploi.localstack;

import java.nio.file.Path;

/**
 * The four services of the suite, with the API port and database each one gets by default. Health and metrics are on
 * each service's management port: the API port + 1000 (9081-9084), as each service's own default says.
 */
public enum SuiteService {
    BENEFICIARY("beneficiary-service", 8081, "beneficiary"),
    CEP("cep-service", 8082, "cep"),
    CPF("cpf-service", 8083, "cpf"),
    REPORTING("reporting-service", 8084, "reporting");

    /** Distance from the API port to the management port in the default layout. */
    public static final int MANAGEMENT_OFFSET = 1000;

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    SuiteService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
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

    /** The fast-jar that {@code ./mvnw package} produces for this service. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
