package fr.capemploi.reporting.service;

import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.repository.StructureFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Computes indicator values from the projections; never from the topics at request time. */
@ApplicationScoped
public class IndicatorQueries {

    private final StructureFacts structures;
    private final ProjectionGenerations generations;

    public IndicatorQueries(StructureFacts structures, ProjectionGenerations generations) {
        this.structures = structures;
        this.generations = generations;
    }

    public record RegionValue(String region, long value) {
    }

    public record IndicatorValue(Indicator indicator, long value, List<RegionValue> byRegion) {
    }

    @Transactional
    public List<IndicatorValue> national(ReportingPeriod period, Instant asOf, String regionFilter) {
        Map<String, Long> byRegion = structures.countByRegion(generations.active(), period.end(), asOf);
        List<RegionValue> regions = byRegion.entrySet().stream()
                .filter(e -> regionFilter == null || regionFilter.equals(e.getKey()))
                .map(e -> new RegionValue(e.getKey(), e.getValue())).toList();
        long total = regions.stream().mapToLong(RegionValue::value).sum();
        return List.of(new IndicatorValue(Indicator.STRUCTURES_REGISTERED, total, regions));
    }
}
