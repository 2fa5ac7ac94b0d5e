package fr.capemploi.cep.config;

import fr.capemploi.testsupport.PlatformTestResource;
import fr.capemploi.testsupport.TcpProxy;
import fr.capemploi.testsupport.TestKafka;
import fr.capemploi.testsupport.TestPostgres;
import fr.capemploi.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The real beneficiary-service for the CEP service under test: its packaged jar
 * ({@code beneficiary-service/target/quarkus-app}, which the reactor builds first) run as a process on loopback, with
 * its own database on the tests' PostgreSQL server, the tests' broker with the same topic prefix as the CEP service
 * (so its events reach it for real) and the same token issuer. Starts after {@link PlatformTestResource}, whose topic
 * prefix it shares; stopped with the application under test.
 */
public class RealRegistry implements QuarkusTestResourceLifecycleManager {

    /** The public test key of beneficiary-service's own {@code %test} profile: it protects nothing. */
    private static final String TEST_NIR_KEY = "dGVzdC1vbmx5IE5JUiBrZXksIG5vdCBmb3IgcHJvZC4=";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static volatile Process process;
    /** What cep-service calls: a relay a test can cut, as an outage would, and restore, the process staying up. */
    private static volatile TcpProxy proxy;
    private static volatile int port;
    private static volatile int managementPort;

    @Override
    public int order() {
        // after PlatformTestResource (order 0): the topic prefix is chosen there
        return 100;
    }

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("user.dir")).resolve("../beneficiary-service/target/quarkus-app/"
                + "quarkus-run.jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with -am (./mvnw verify -pl cep-service -am) so "
                    + "that the reactor packages beneficiary-service first");
        }
        port = freePort();
        managementPort = freePort();
        TestPostgres.Database database = TestPostgres.newDatabase("beneficiary");
        String prefix = PlatformTestResource.topic("");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("target").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "beneficiary-service-for-tests.log")
                        .toFile()));
        Map<String, String> env = builder.environment();
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        // health answers on the management interface, its own port
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        env.put("DB_PASSWORD", database.password());
        env.put("KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        env.put("CEPCPF_KAFKA_TOPIC_PREFIX", prefix);
        env.put("JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("JWT_ISSUER", TestTokens.ISSUER);
        env.put("BENEFICIARY_NIR_KEY", TEST_NIR_KEY);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start beneficiary-service", e);
        }
        awaitReady();
        proxy = new TcpProxy("127.0.0.1", port);
        return Map.of("quarkus.rest-client.beneficiary-service.url", "http://127.0.0.1:" + proxy.port());
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        stopRegistry();
    }

    public static String url() {
        return "http://127.0.0.1:" + port;
    }

    public static int port() {
        return port;
    }

    /** The port cep-service reaches beneficiary-service on (the relay's). */
    public static int servicePort() {
        return proxy.port();
    }

    /**
     * beneficiary-service is away for cep-service (connections reset, new ones refused) until {@link #restore()}; the
     * process stays up, and the port is free for a test to listen on it without answering.
     */
    public static void cut() {
        proxy.cut();
    }

    public static void restore() {
        proxy.restore();
    }

    /** Ends the process this resource started (and only it): beneficiary-service goes down. */
    private static void stopRegistry() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("beneficiary-service exited with " + process.exitValue()
                        + "; see cep-service/target/beneficiary-service-for-tests.log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while beneficiary-service starts", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while beneficiary-service starts", e);
            }
        }
        stopRegistry();
        throw new IllegalStateException("beneficiary-service was not ready within " + START_TIMEOUT
                + "; see cep-service/target/beneficiary-service-for-tests.log");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test profile: the real registry instead of the stub every other test uses. */
    public static class Profile implements io.quarkus.test.junit.QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // short timeouts: the last test shows that a registry that hangs is a 503 as quickly as a click needs
            return Map.of("quarkus.arc.exclude-types", "fr.capemploi.cep.rest.client.StubBeneficiaryRegistry",
                    "quarkus.rest-client.beneficiary-service.read-timeout", "1500",
                    "cep.registry.retry-after", "7s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealRegistry.class));
        }

        @Override
        public Set<String> tags() {
            return Set.of();
        }
    }
}
