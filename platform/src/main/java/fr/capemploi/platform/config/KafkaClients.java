package fr.capemploi.platform.config;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the Kafka clients with the settings our delivery guarantees rely on; nothing else in the code base
 * creates a client, so those settings cannot drift.
 */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;
    private final String serviceName;
    private final String compression;
    private Admin admin;

    public KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, PlatformConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = config.serviceName();
        this.compression = config.outbox().compression();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Idempotent, acks=all, ordered per partition; fails fast enough for the caller to back off and retry. */
    public KafkaProducer<String, byte[]> producer(String purpose) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-" + purpose + "-" + shortId());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The service's one admin client (end offsets for the feed lag, the cluster for the broker's health), built at
     * its first use and closed when the service stops: the client is thread-safe, and one connection to the broker
     * does for both.
     */
    public synchronized Admin admin() {
        if (admin == null) {
            admin = newAdmin();
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private Admin newAdmin() {
        Map<String, Object> props = new HashMap<>();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-admin-" + shortId());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        return Admin.create(props);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
