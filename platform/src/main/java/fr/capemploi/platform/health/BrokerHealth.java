package fr.capemploi.platform.health;

import fr.capemploi.platform.config.KafkaClients;
import fr.capemploi.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

/**
 * The broker's state, shown in {@code /q/health} and {@code /q/health/well} but not in readiness: without the broker
 * an instance still serves its API (writes wait in the outbox, indicators answer from the projections), so a broker
 * outage must not take every instance out of a load balancer. Readiness is the database (Quarkus' datasource check),
 * plus for reporting its projection store; the outbox age gauges and this check are what to alert on.
 */
@Wellness
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

    private final KafkaClients kafkaClients;
    private final Duration timeout;

    public BrokerHealth(KafkaClients kafkaClients, PlatformConfig config) {
        this.kafkaClients = kafkaClients;
        this.timeout = config.kafka().healthTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = kafkaClients.admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
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
}
