package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the structures projection of a generation. */
@ApplicationScoped
public class StructureFacts {

    private final EntityManager entityManager;

    public StructureFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Structures registered on or before {@code day} and recorded by {@code asOf}, per region code. */
    public Map<String, Long> countByRegion(Generation generation, LocalDate day, Instant asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(generation.sql("""
                SELECT region, count(*) FROM {schema}.structure
                WHERE registered_on <= ?1 AND recorded_at <= ?2
                GROUP BY region ORDER BY region
                """))
                .setParameter(1, day)
                .setParameter(2, Timestamp.from(asOf))
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
