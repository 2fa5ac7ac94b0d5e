package fr.capemploi.reporting.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A retired generation is a full copy of the projections: it is kept for a grace period after a switch (queries that
 * began on it finish, an operator can still compare) and dropped then, instead of staying until the next rebuild.
 */
@ApplicationScoped
public class RetiredGenerations {

    private static final Logger LOG = Logger.getLogger(RetiredGenerations.class);

    private final ProjectionGenerations generations;
    private final Duration grace;

    public RetiredGenerations(ProjectionGenerations generations,
            @ConfigProperty(name = "reporting.retired-generation-grace", defaultValue = "1h") Duration grace) {
        this.generations = generations;
        this.grace = grace;
    }

    @Scheduled(every = "${reporting.retired-generation-check:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            dropExpired();
        } catch (RuntimeException e) {
            // the database may be away: the next run tries again
            LOG.debugf("Retired generations not checked: %s", e.getMessage());
        }
    }

    /** @return the generations dropped now */
    public List<Integer> dropExpired() {
        return generations.dropRetiredBefore(Instant.now().minus(grace));
    }
}
