package fr.capemploi.platform.health;

import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.PlatformConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the broker answers. Writes would still succeed without it (the outbox keeps them), but
 * events would wait, and an orchestrator should know.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaClients kafkaClients;
    private final Duration timeout;
    private Admin admin;

    public KafkaReadiness(KafkaClients kafkaClients, PlatformConfig config) {
        this.kafkaClients = kafkaClients;
        this.timeout = config.kafka().healthTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up()
                    .withData("bootstrap", kafkaClients.bootstrapServers())
                    .withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down()
                    .withData("bootstrap", kafkaClients.bootstrapServers())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafkaClients.admin();
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
