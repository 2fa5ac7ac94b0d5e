package fr.capemploi.reporting.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicators")
public record IndicatorsResponse(
        @Schema(examples = "national") String scope,
        @Schema(examples = "11") String scopeId,
        @Schema(examples = "2016") String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant asOf,
        List<IndicatorEntry> indicators) {

    @Schema(name = "IndicatorValue")
    public record IndicatorEntry(
            @Schema(examples = "structures-registered") String id,
            @Schema(examples = "Cap emploi enregistrés") String label,
            String definition,
            @Schema(examples = "102") long value,
            List<RegionEntry> byRegion) {
    }

    @Schema(name = "RegionValue")
    public record RegionEntry(@Schema(examples = "11") String region, @Schema(examples = "7") long value) {
    }
}
