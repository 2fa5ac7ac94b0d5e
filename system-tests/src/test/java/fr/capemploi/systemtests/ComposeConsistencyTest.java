package fr.capemploi.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.capemploi.localstack.SuiteService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file cannot be run here (no container engine), so it is checked against what the services really
 * read: every variable it gives a service is one the service's configuration uses, every variable the
 * configuration requires without a default is given, ports agree with the Dockerfiles, images are pinned and
 * start-up waits for healthy dependencies.
 */
class ComposeConsistencyTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({"beneficiary-service, 8081", "cep-service, 8082", "cpf-service, 8083", "reporting-service, 8084"})
    void serviceIsConfiguredWithVariablesItReads(String service, int port) throws IOException {
        Map<String, Object> definition = services().get(service);
        assertNotNull(definition, service + " is missing from docker-compose.yml");

        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
        Map<String, Boolean> read = variablesRead(service);
        for (String variable : environment.keySet()) {
            assertTrue(read.containsKey(variable), service + " is given " + variable + " but never reads it");
        }
        read.forEach((variable, hasDefault) -> {
            if (!hasDefault) {
                assertTrue(environment.containsKey(variable), service + " requires " + variable + " but compose omits it");
            }
        });
        for (String essential : List.of("HTTP_PORT", "DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP",
                "JWT_PUBLIC_KEY_LOCATION")) {
            assertTrue(environment.containsKey(essential), service + " lacks " + essential);
        }

        assertEquals(String.valueOf(port), String.valueOf(environment.get("HTTP_PORT")));
        assertEquals(List.of(port + ":" + port), definition.get("ports"));
        assertTrue(property(service, "quarkus.http.port").contains(":" + port + "}"),
                "the default port of " + service + " must be " + port);
        String dockerfile = Files.readString(ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("EXPOSE " + port), "Dockerfile of " + service + " must expose " + port);
        assertTrue(String.valueOf(environment.get("DB_URL")).endsWith("/" + service.replace("-service", "")),
                service + " must use its own database");

        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) definition.get("depends_on");
        assertEquals("service_healthy", dependsOn.get("postgres").get("condition"));
        assertEquals("service_healthy", dependsOn.get("kafka").get("condition"));
        @SuppressWarnings("unchecked")
        Map<String, Object> healthcheck = (Map<String, Object>) definition.get("healthcheck");
        assertTrue(String.valueOf(healthcheck.get("test")).contains("/q/health/ready"));
        // health is on the management interface: the check must ask the management port, which the service reads
        assertTrue(String.valueOf(healthcheck.get("test")).contains("$${MANAGEMENT_PORT}")
                || String.valueOf(healthcheck.get("test")).contains("${MANAGEMENT_PORT}"),
                service + " must check its health on the management port");
        int management = port + 1000;
        assertEquals(String.valueOf(management), String.valueOf(environment.get("MANAGEMENT_PORT")));
        assertTrue(property(service, "quarkus.management.port").contains(":" + management + "}"),
                "the default management port of " + service + " must be " + management);
        assertTrue(dockerfile.contains(" " + management), "Dockerfile of " + service + " must expose " + management);
    }

    /**
     * A service's own JVM options, which {@code ./suite} adds after those every service is given
     * ({@link SuiteService#ownJvmOptions()}: reporting-service's young generation, shaped for a rebuild's batches), are
     * its image's too: the container runs the same shape as the measured one.
     */
    @ParameterizedTest
    @EnumSource(SuiteService.class)
    void imageRunsWithTheServicesOwnJvmOptions(SuiteService service) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(service.moduleName()).resolve("src/main/docker/Dockerfile.jvm"));
        Matcher options = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertTrue(options.find(), "Dockerfile of " + service.moduleName() + " must set JAVA_OPTS_APPEND");
        List<String> given = List.of(options.group(1).trim().split("\\s+"));
        for (String option : service.ownJvmOptions()) {
            assertTrue(given.contains(option), "Dockerfile of " + service.moduleName() + " must run with " + option
                    + ", as ./suite does (SuiteService." + service + ")");
        }
    }

    /**
     * cep-service names people on its documents by asking beneficiary-service, and both it and cpf-service trace reads
     * of an erased person's records in the access log there: compose must say where it is.
     */
    @org.junit.jupiter.api.Test
    void cepAndCpfServicesAreToldWhereTheRegistryIs() throws IOException {
        for (String service : java.util.List.of("cep-service", "cpf-service")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services().get(service).get("environment");
            assertEquals("http://beneficiary-service:8081", String.valueOf(environment.get("BENEFICIARY_SERVICE_URL")),
                    service);
            assertTrue(property(service, "quarkus.rest-client.beneficiary-service.url")
                    .contains("${BENEFICIARY_SERVICE_URL:"), service + " must read the registry's URL from the environment");
        }
    }

    @org.junit.jupiter.api.Test
    void imagesArePinnedAndInfrastructureIsHealthChecked() throws IOException {
        services().forEach((name, definition) -> {
            Object image = definition.get("image");
            assertNotNull(image, name + " has no image");
            assertTrue(String.valueOf(image).matches("^[^:]+:[0-9][^:]*$"), name + " image is not pinned: " + image);
            assertFalse(String.valueOf(image).endsWith(":latest"));
        });
        assertNotNull(services().get("postgres").get("healthcheck"));
        assertNotNull(services().get("kafka").get("healthcheck"));
        String sql = Files.readString(ROOT.resolve("ops/postgres/create-databases.sql"));
        for (String database : List.of("beneficiary", "cep", "cpf", "reporting")) {
            assertTrue(sql.contains("CREATE DATABASE " + database + ";"), "no database " + database);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    /** Environment variables referenced by the service's and the platform's configuration: name -> has a default. */
    private static Map<String, Boolean> variablesRead(String service) throws IOException {
        Map<String, Boolean> read = new java.util.HashMap<>();
        Set<String> sources = new HashSet<>(List.of(
                Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties")),
                Files.readString(ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))));
        for (String source : sources) {
            for (String line : source.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("#") || trimmed.startsWith("%test.") || trimmed.startsWith("%dev.")) {
                    continue;
                }
                Matcher matcher = ENV_REFERENCE.matcher(trimmed);
                while (matcher.find()) {
                    read.merge(matcher.group(1), matcher.group(2) != null, (a, b) -> a || b);
                }
            }
        }
        return read;
    }

    private static String property(String service, String key) throws IOException {
        return Files.readAllLines(ROOT.resolve(service).resolve("src/main/resources/application.properties")).stream()
                .filter(line -> line.startsWith(key + "=")).findFirst().orElse("");
    }
}
