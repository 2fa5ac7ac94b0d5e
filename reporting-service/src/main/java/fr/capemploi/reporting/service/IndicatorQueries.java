package fr.capemploi.reporting.service;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.repository.IndicatorFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Computes indicator values from the active generation's projections; never from the topics at request time. One
 * read transaction per call, so every figure of a response comes from the same generation.
 */
@ApplicationScoped
public class IndicatorQueries {

    private final IndicatorFacts facts;
    private final ProjectionGenerations generations;

    public IndicatorQueries(IndicatorFacts facts, ProjectionGenerations generations) {
        this.facts = facts;
        this.generations = generations;
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
        return indicators.stream().map(i -> facts.compute(generation, i, scope, period, asOf)).toList();
    }

    @Transactional
    public List<SeriesPoint> series(Indicator indicator, Scope scope, List<ReportingPeriod> periods, Instant asOf) {
        Generation generation = generations.active();
        return periods.stream()
                .map(p -> new SeriesPoint(p, facts.compute(generation, indicator, scope, p, asOf)))
                .toList();
    }
}
