package fr.capemploi.reporting.service;

import fr.capemploi.reporting.domain.Generation;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.messaging.PreAggregateFolds;
import fr.capemploi.reporting.repository.FactsOverview;
import fr.capemploi.reporting.repository.IndicatorFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Computes indicator values from the active generation's projections; never from the topics at request time. One
 * read transaction per call, at repeatable read from its first statement ({@link IndicatorFacts#beginRead}): every
 * figure of a response comes from the same generation and the same committed state, events arriving meanwhile
 * showing in none of them.
 */
@ApplicationScoped
public class IndicatorQueries {

    private final IndicatorFacts facts;
    private final FactsOverview overview;
    private final ProjectionGenerations generations;
    private final PreAggregateFolds folds;

    public IndicatorQueries(IndicatorFacts facts, FactsOverview overview, ProjectionGenerations generations,
            PreAggregateFolds folds) {
        this.facts = facts;
        this.overview = overview;
        this.generations = generations;
        this.folds = folds;
    }

    /**
     * The answer's state: the notes the active generation's batches committed so far folded first (waiting for a fold
     * under way), then the read transaction begun, so that the pre-aggregates it reads count every fact acknowledged
     * before the request. A batch committing in between leaves notes in the answer's state: that answer takes the
     * exact path ({@code IndicatorFacts}).
     */
    private Generation begin() {
        Generation generation = generations.active();
        folds.settle(generation);
        facts.beginRead();
        return generation;
    }

    public record SeriesPoint(ReportingPeriod period, IndicatorValue value) {
    }

    @Transactional
    public List<IndicatorValue> all(Scope scope, ReportingPeriod period, Instant asOf) {
        return of(Arrays.asList(Indicator.values()), scope, period, asOf);
    }

    @Transactional
    public List<IndicatorValue> of(List<Indicator> indicators, Scope scope, ReportingPeriod period, Instant asOf) {
        Generation generation = begin();
        // the sets several indicators start from (accompaniments active in the period, levels held, level-1
        // contacts) are worked out once for the request, not once per indicator; the indicators that read none run
        // meanwhile on other connections
        return facts.computeAll(generation, indicators, scope, period, asOf);
    }

    @Transactional
    public List<SeriesPoint> series(Indicator indicator, Scope scope, List<ReportingPeriod> periods, Instant asOf) {
        Generation generation = begin();
        List<IndicatorValue> values = facts.computeEach(generation, indicator, List.of(scope), periods, asOf);
        return IntStream.range(0, periods.size())
                .mapToObj(i -> new SeriesPoint(periods.get(i), values.get(i))).toList();
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
        Generation generation = begin();
        List<String> regions = overview.regions(generation, period.end(), asOf);
        List<Scope> scopes = new ArrayList<>(List.of(Scope.national()));
        regions.forEach(region -> scopes.add(Scope.region(region)));
        List<IndicatorValue> values = facts.computeEach(generation, indicator, scopes, List.of(period), asOf);
        return new RegionComparison(values.get(0), IntStream.range(0, regions.size())
                .mapToObj(i -> new RegionValue(regions.get(i), values.get(i + 1))).toList());
    }
}
