package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the projections hold at a glance, for a reader choosing what to look at: the latest business day a fact is
 * dated, and the regions that have structures.
 */
@ApplicationScoped
public class FactsOverview {

    /**
     * The latest business day among the facts most indicators count (level-1 contacts, accompaniments opened,
     * interviews, funding decisions, entries, declared periods), up to {@code today}: a planned date in the future is
     * not a recorded fact. Each maximum reads the end of an index on its date, so this stays cheap at national scale.
     */
    private static final String LATEST_FACT = """
            SELECT max(d) AS latest FROM (
                SELECT max(contact_date) AS d FROM {schema}.level1_contact WHERE contact_date <= :today
                UNION ALL SELECT max(opened_on) FROM {schema}.accompaniment WHERE opened_on <= :today
                UNION ALL SELECT max(held_on) FROM {schema}.interview WHERE held_on <= :today
                UNION ALL SELECT max(decided_on) FROM {schema}.funding_decision WHERE decided_on <= :today
                UNION ALL SELECT max(entry_date) FROM {schema}.beneficiary WHERE entry_date <= :today
                UNION ALL SELECT max(period_end) FROM {schema}.declaration WHERE period_end <= :today
            ) x
            """;
    private static final String REGIONS = """
            SELECT DISTINCT s.region FROM {schema}.structure s
            WHERE s.recorded_at <= :asOf AND s.registered_on <= :periodEnd AND s.region IS NOT NULL ORDER BY 1
            """;

    private final EntityManager entityManager;

    public FactsOverview(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<LocalDate> latestFactDay(Generation generation, LocalDate today) {
        Object latest = ProjectionSql.query(entityManager, generation.sql(LATEST_FACT), Map.of("today", today)).get(0)
                .get("latest");
        if (latest instanceof Date date) {
            return Optional.of(date.toLocalDate());
        }
        return Optional.ofNullable((LocalDate) latest);
    }

    /** INSEE codes of the regions with a structure registered by {@code periodEnd}, as recorded by {@code asOf}. */
    public List<String> regions(Generation generation, LocalDate periodEnd, Instant asOf) {
        return ProjectionSql.query(entityManager, generation.sql(REGIONS), Map.of("periodEnd", periodEnd,
                "asOf", asOf)).stream().map(row -> (String) row.get("region")).toList();
    }
}
