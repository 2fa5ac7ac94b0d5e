package fr.capemploi.reporting.service;

import fr.capemploi.reporting.domain.Generation;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the projections answering queries can be read: the active generation is started and its schema
 * answers. The database check alone would pass before the generations are set up at start-up or if the active schema
 * were gone; the broker is not part of it (indicators are served from the projections while it is away).
 */
@Readiness
@ApplicationScoped
public class ProjectionStoreReadiness implements HealthCheck {

    private final ProjectionGenerations generations;
    private final AgroalDataSource dataSource;

    public ProjectionStoreReadiness(ProjectionGenerations generations, AgroalDataSource dataSource) {
        this.generations = generations;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        Generation active;
        try {
            active = generations.active();
        } catch (IllegalStateException e) {
            return HealthCheckResponse.named("projection-store").down().withData("error", e.getMessage()).build();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            // the schema name comes from the generations table and is checked by Generation's constructor
            statement.execute("SELECT 1 FROM " + active.schema() + ".structure LIMIT 1");
            return HealthCheckResponse.named("projection-store").up().withData("generation", active.number()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("projection-store").down().withData("generation", active.number())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
