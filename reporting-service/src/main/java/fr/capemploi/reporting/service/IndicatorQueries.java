package fr.capemploi.reporting.service;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.repository.FactsOverview;
import fr.capemploi.reporting.repository.IndicatorFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Computes indicator values from the active generation's projections; never from the topics at request time. One
 * read transaction per call, so every figure of a response comes from the same generation.
 */
@ApplicationScoped
public class IndicatorQueries {

    private final IndicatorFacts facts;
    private final FactsOverview overview;
    private final ProjectionGenerations generations;
    private final String workMem;

    public IndicatorQueries(IndicatorFacts facts, FactsOverview overview, ProjectionGenerations generations,
            @ConfigProperty(name = "reporting.query.work-mem", defaultValue = "64MB") String workMem) {
        this.facts = facts;
        this.overview = overview;
        this.generations = generations;
        this.workMem = workMem;
    }

    public record SeriesPoint(ReportingPeriod period, IndicatorValue value) {
    }

    @Transactional
    public List<IndicatorValue> all(Scope scope, ReportingPeriod period, Instant asOf) {
        return of(Arrays.asList(Indicator.values()), scope, period, asOf);
    }

    @Transactional
    public List<IndicatorValue> of(List<Indicator> indicators, Scope scope, ReportingPeriod period, Instant asOf) {
        Generation generation = generations.active();
        facts.useWorkMem(workMem);
        // the sets several indicators start from (accompaniments active in the period, levels held, level-1
        // contacts) are worked out once for the request, not once per indicator
        IndicatorFacts.SharedSets shared = facts.share(generation, indicators, scope, period, asOf);
        return indicators.stream().map(i -> facts.compute(generation, i, scope, period, asOf, shared)).toList();
    }

    @Transactional
    public List<SeriesPoint> series(Indicator indicator, Scope scope, List<ReportingPeriod> periods, Instant asOf) {
        Generation generation = generations.active();
        facts.useWorkMem(workMem);
        return periods.stream()
                .map(p -> new SeriesPoint(p, facts.compute(generation, indicator, scope, p, asOf)))
                .toList();
    }

    /** The latest business day a fact is dated, up to {@code today}; empty while nothing is recorded. */
    @Transactional
    public Optional<LocalDate> latestFactDay(LocalDate today) {
        return overview.latestFactDay(generations.active(), today);
    }

    public record RegionValue(String region, IndicatorValue value) {
    }

    /** One indicator nationally and in each region, each computed from its own facts (never from rounded parts). */
    public record RegionComparison(IndicatorValue national, List<RegionValue> regions) {
    }

    @Transactional
    public RegionComparison byRegion(Indicator indicator, ReportingPeriod period, Instant asOf) {
        Generation generation = generations.active();
        facts.useWorkMem(workMem);
        IndicatorValue national = facts.compute(generation, indicator, Scope.national(), period, asOf);
        List<RegionValue> regions = overview.regions(generation, period.end(), asOf).stream()
                .map(region -> new RegionValue(region,
                        facts.compute(generation, indicator, Scope.region(region), period, asOf)))
                .toList();
        return new RegionComparison(national, regions);
    }
}
