package fr.capemploi.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a service under test what it has in production: its own database on a real PostgreSQL server, a real
 * Kafka broker with topics of its own (a random prefix, so runs never read each other's records) and a trusted
 * token issuer. Pass {@code service} as an init arg to name the database.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String topicPrefix;
    private static volatile TcpProxy databaseProxy;
    private String service = "service";
    private boolean proxyDatabase;

    /**
     * {@code service}: names the database; {@code databaseProxy=true}: the application reaches PostgreSQL through a
     * {@link TcpProxy} a test can cut ({@link #databaseProxy()}). (A start without a broker is a system test's: the
     * running suite restarts reporting-service while its broker is stopped.)
     */
    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        proxyDatabase = Boolean.parseBoolean(initArgs.getOrDefault("databaseProxy", "false"));
    }

    /** The relay between the application and its database, when started with {@code databaseProxy=true}. */
    public static TcpProxy databaseProxy() {
        if (databaseProxy == null) {
            throw new IllegalStateException("The platform test resource was not started with databaseProxy=true");
        }
        return databaseProxy;
    }

    @Override
    public Map<String, String> start() {
        TestPostgres.Database database = TestPostgres.newDatabase(service.replace('-', '_'));
        topicPrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        String jdbcUrl = database.jdbcUrl();
        if (proxyDatabase) {
            java.util.regex.Matcher hostPort = java.util.regex.Pattern.compile("//([^:/]+):([0-9]+)/").matcher(jdbcUrl);
            if (!hostPort.find()) {
                throw new IllegalStateException("Cannot read host and port of " + jdbcUrl);
            }
            databaseProxy = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
            jdbcUrl = jdbcUrl.substring(0, hostPort.start()) + "//127.0.0.1:" + databaseProxy.port() + "/"
                    + jdbcUrl.substring(hostPort.end());
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "cepcpf.kafka.topic-prefix", topicPrefix,
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        if (databaseProxy != null) {
            databaseProxy.close();
            databaseProxy = null;
        }
        // the server and broker are shared by the JVM and stopped by their shutdown hooks
    }

    /** The physical name of a logical topic ({@code beneficiary.events}) for the application under test. */
    public static String topic(String logicalTopic) {
        if (topicPrefix == null) {
            throw new IllegalStateException("The platform test resource has not started");
        }
        return topicPrefix + logicalTopic;
    }
}
