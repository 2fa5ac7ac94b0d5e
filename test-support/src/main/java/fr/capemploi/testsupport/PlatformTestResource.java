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
    private String service = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres.Database database = TestPostgres.newDatabase(service.replace('-', '_'));
        topicPrefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "cepcpf.kafka.topic-prefix", topicPrefix,
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
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
