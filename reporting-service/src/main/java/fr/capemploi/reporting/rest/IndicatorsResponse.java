package fr.capemploi.reporting.rest;

import fr.capemploi.reporting.domain.FrenchTerms;
import fr.capemploi.reporting.domain.IndicatorValue;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicators")
public record IndicatorsResponse(
        @Schema(maxLength = 16, examples = "national") String scope,
        @Schema(maxLength = 36, examples = "11") String scopeId,
        @Schema(maxLength = 7, examples = "2016") String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        @Schema(description = "The instant the figures were read as of: the `asOf` given as an instant, the end of "
                + "the given day in Europe/Paris for a date, now by default", examples = "2017-05-31T21:59:59.999999Z")
        Instant asOf,
        @Schema(maxItems = 100) List<IndicatorEntry> indicators) {

    static IndicatorsResponse of(Scope scope, ReportingPeriod period, Instant asOf, List<IndicatorValue> values) {
        return new IndicatorsResponse(scope.kindName(), scope.id().isEmpty() ? null : scope.id(), period.label(),
                period.start(), period.end(), asOf, values.stream().map(IndicatorEntry::of).toList());
    }

    @Schema(name = "IndicatorValue")
    public record IndicatorEntry(
            @Schema(maxLength = 64, examples = "cpf-presented") String id,
            @Schema(description = "Number of the catalogue (1-12) the indicator belongs to", examples = "6") int group,
            @Schema(maxLength = 300, examples = "Bénéficiaires accompagnés à qui le CPF a été présenté") String label,
            @Schema(maxLength = 4000) String definition,
            @Schema(maxLength = 16, description = "COUNT, PERCENT (0-100), RATIO, SUM or STATISTIC", examples = "PERCENT") String unit,
            @Schema(examples = "96.0") BigDecimal value,
            @Schema(examples = "96") BigDecimal numerator,
            @Schema(examples = "100") BigDecimal denominator,
            CoverageEntry coverage,
            @Schema(maxItems = 100) List<PartEntry> breakdown) {

        static IndicatorEntry of(IndicatorValue v) {
            return new IndicatorEntry(v.indicator().id(), v.indicator().group(), v.indicator().label(),
                    v.indicator().definition(), v.indicator().unit().name(), v.value(), v.numerator(), v.denominator(),
                    CoverageEntry.of(v.coverage()), v.breakdown().stream()
                            .map(p -> new PartEntry(p.key(), FrenchTerms.of(p.key()), p.value(), p.numerator(),
                                    p.denominator())).toList());
        }
    }

    @Schema(name = "Coverage", description = "Structures contributing out of structures registered at the period's end")
    public record CoverageEntry(@Schema(examples = "65") long contributing, @Schema(examples = "102") long registered) {
        static CoverageEntry of(IndicatorValue.Coverage coverage) {
            return new CoverageEntry(coverage.contributing(), coverage.registered());
        }
    }

    @Schema(name = "IndicatorPart")
    public record PartEntry(@Schema(maxLength = 100, examples = "SIGNED_STANDARD_LETTER") String key,
            @Schema(maxLength = 300, description = "The key in French, as reports print it", examples = "Courrier type signé par la personne") String label,
            BigDecimal value,
            BigDecimal numerator, BigDecimal denominator) {
    }
}
