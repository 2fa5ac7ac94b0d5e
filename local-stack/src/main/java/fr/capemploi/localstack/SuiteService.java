package fr.capemploi.localstack;

import java.nio.file.Path;

/** The four services of the suite, with the port and database each one gets by default. */
public enum SuiteService {
    BENEFICIARY("beneficiary-service", 8081, "beneficiary"),
    CEP("cep-service", 8082, "cep"),
    CPF("cpf-service", 8083, "cpf"),
    REPORTING("reporting-service", 8084, "reporting");

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

    public String database() {
        return database;
    }

    /** The fast-jar that {@code ./mvnw package} produces for this service. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
