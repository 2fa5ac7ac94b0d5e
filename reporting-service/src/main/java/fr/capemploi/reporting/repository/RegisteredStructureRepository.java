package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.RegisteredStructure;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class RegisteredStructureRepository implements PanacheRepositoryBase<RegisteredStructure, UUID> {

    /** Structures registered on or before {@code day} and recorded by {@code asOf}, per region code. */
    public Map<String, Long> countByRegion(LocalDate day, Instant asOf) {
        List<Object[]> rows = getEntityManager().createQuery("""
                SELECT s.region, count(s) FROM RegisteredStructure s
                WHERE s.registeredOn <= :day AND s.recordedAt <= :asOf
                GROUP BY s.region ORDER BY s.region
                """, Object[].class)
                .setParameter("day", day)
                .setParameter("asOf", asOf)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
