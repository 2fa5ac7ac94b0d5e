package fr.capemploi.reporting.repository;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the indicator catalogue ({@link IndicatorCatalogue}, SQL resources under {@code indicators/}) over the
 * projections of a generation. Every query starts from the scope's structures ({@code scope_structures}) and those
 * registered by the period's end ({@code reg}); a fact belongs to a period by its business date, and is seen only
 * if recorded by {@code asOf}.
 */
@ApplicationScoped
public class IndicatorFacts {

    /**
     * What {@link #share} worked out for one scope and period in the current transaction: the shared sets now read
     * from temporary tables, the structures registered by the period's end (the coverage denominator), and whether
     * the pre-aggregates answer exactly ({@code current}: whole months, nothing they count recorded after asOf).
     */
    public record SharedSets(Set<String> tables, long registered, boolean current) {
    }

    private final IndicatorCatalogue catalogue = IndicatorCatalogue.fromClasspath();

    private final EntityManager entityManager;

    public IndicatorFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Gives the current transaction's sorts and hashes {@code workMem} (PostgreSQL's 4 MB default makes every
     * national query spill to disk), and a plan made for each query's own values: the driver reuses a statement it
     * has seen a few times, and PostgreSQL may then switch to a generic plan, blind to the scope (national or one
     * structure) and to the period. Both revert at the end of the transaction.
     */
    public void useWorkMem(String workMem) {
        ProjectionSql.query(entityManager, "SELECT set_config('work_mem', :workMem, true) AS v, "
                + "set_config('plan_cache_mode', 'force_custom_plan', true) AS p", Map.of("workMem", workMem));
    }

    /**
     * Works out, once for the given scope and period, the shared sets that {@code indicators} read, into temporary
     * tables dropped at the end of the transaction (or replaced by the next call, for the next period of a series).
     * The indicators are then computed with {@link #compute(Generation, Indicator, Scope, ReportingPeriod, Instant,
     * SharedSets)} in the same transaction.
     */
    public SharedSets share(Generation generation, List<Indicator> indicators, Scope scope, ReportingPeriod period,
            Instant asOf) {
        Map<String, Object> parameters = parameters(scope, period, asOf);
        boolean current = current(generation, period, asOf);
        Set<String> filled = new LinkedHashSet<>();
        // in dependency order: the sets filled so far feed the next ones (accompanied people from the active
        // accompaniments); the indicators the pre-aggregates answer read theirs (people per structure and line)
        for (IndicatorCatalogue.Part set : catalogue.sharedSets(indicators, current)) {
            String table = IndicatorCatalogue.table(set.name());
            ProjectionSql.update(entityManager, "DROP TABLE IF EXISTS " + table);
            ProjectionSql.update(entityManager, "CREATE TEMPORARY TABLE indicator_" + set.name() + " ("
                    + set.columns().orElseThrow() + ") ON COMMIT DROP");
            ProjectionSql.execute(entityManager, generation.sql("INSERT INTO " + table + " "
                    + catalogue.fill(set, filled)), parameters);
            ProjectionSql.update(entityManager, "ANALYZE " + table);
            filled.add(set.name());
        }
        long registered = ((Number) ProjectionSql.query(entityManager,
                generation.sql(catalogue.registered()), parameters).get(0).get("n")).longValue();
        return new SharedSets(Set.copyOf(filled), registered, current);
    }

    /**
     * Whether the pre-aggregates give what the facts would: they count whole months, as they stand now, so the
     * period must be whole months and asOf must not precede the recording of anything they count. Else the exact
     * path, over the facts with their recording times.
     */
    private boolean current(Generation generation, ReportingPeriod period, Instant asOf) {
        if (period.start().getDayOfMonth() != 1
                || !period.end().equals(period.end().withDayOfMonth(period.end().lengthOfMonth()))) {
            return false;
        }
        Object current = ProjectionSql.query(entityManager, generation.sql(
                "SELECT coalesce((SELECT max(recorded_max) FROM {schema}.monthly_fact) <= :asOf, TRUE) "
                        + "AND coalesce((SELECT max(recorded) FROM {schema}.member_item) <= :asOf, TRUE) "
                        + "AND coalesce((SELECT max(recorded_max) FROM {schema}.delay_day) <= :asOf, TRUE) AS current"),
                Map.of("asOf", asOf)).get(0).get("current");
        return Boolean.TRUE.equals(current);
    }

    /** One indicator on its own: works out the sets it needs, then computes it. */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf) {
        return compute(generation, indicator, scope, period, asOf,
                share(generation, List.of(indicator), scope, period, asOf));
    }

    /** @param shared {@link #share} for the same scope, period and asOf, worked out once for many indicators */
    public IndicatorValue compute(Generation generation, Indicator indicator, Scope scope, ReportingPeriod period,
            Instant asOf, SharedSets shared) {
        Map<String, Object> parameters = parameters(scope, period, asOf);
        boolean now = shared.current() && catalogue.entry(indicator).now().isPresent();
        Map<String, Object> row = ProjectionSql.query(entityManager, generation.sql(now
                ? catalogue.nowMain(indicator, shared.tables()) : catalogue.main(indicator, shared.tables())),
                parameters).get(0);
        BigDecimal numerator = decimal(row.get("num"));
        BigDecimal denominator = decimal(row.get("den"));
        List<IndicatorValue.Part> parts = new ArrayList<>();
        Optional<String> breakdown = now ? catalogue.nowBreakdown(indicator, shared.tables())
                : catalogue.breakdown(indicator, shared.tables());
        if (breakdown.isPresent()) {
            for (Map<String, Object> part : ProjectionSql.query(entityManager, generation.sql(breakdown.get()),
                    parameters)) {
                BigDecimal partNumerator = decimal(part.get("num"));
                BigDecimal partDenominator = decimal(part.get("den"));
                parts.add(new IndicatorValue.Part(String.valueOf(part.get("key")),
                        IndicatorValue.valueOf(indicator.unit(), partNumerator, partDenominator), partNumerator,
                        partDenominator));
            }
        }
        return new IndicatorValue(indicator, IndicatorValue.valueOf(indicator.unit(), numerator, denominator),
                numerator, denominator,
                new IndicatorValue.Coverage(((Number) row.get("contributing")).longValue(), shared.registered()),
                parts);
    }

    private static Map<String, Object> parameters(Scope scope, ReportingPeriod period, Instant asOf) {
        return Map.of("kind", scope.kind().name(), "scopeId", scope.id(), "ps", period.start(), "pe", period.end(),
                "asOf", asOf);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() < 0 ? decimal.setScale(0) : decimal.stripTrailingZeros();
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().scale() < 0 ? BigDecimal.valueOf(d).setScale(0)
                    : BigDecimal.valueOf(d).stripTrailingZeros();
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }
}
