package fr.capemploi.reporting.rest;

import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.InvalidFields;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.domain.Indicator;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import fr.capemploi.reporting.service.IndicatorQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class IndicatorResource {

    private static final int MAX_SERIES_POINTS = 120;
    /** The 404 of an operation on one indicator. */
    private static final String UNKNOWN = "{\"status\":404,\"title\":\"Not found\",\"detail\":\"Indicator nope was not "
            + "found\"}";

    private final IndicatorQueries queries;
    private final ReportingRequest request;

    public IndicatorResource(IndicatorQueries queries, ReportingRequest request) {
        this.queries = queries;
        this.request = request;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Every indicator of the catalogue for a scope and a period, as recorded by a given time",
            description = "Each value comes with its French label and definition, numerator, denominator, coverage "
                    + "(structures contributing out of structures registered) and breakdown. A manager gets its own "
                    + "structure (default scope); another structure is answered 404, a region or the nation 403.")
    @APIResponse(responseCode = "200", description = "Indicator values", content = @Content(
            schema = @Schema(implementation = IndicatorsResponse.class), examples = @ExampleObject(
            name = "cpf-presented", value = """
                    {"scope":"national","scopeId":null,"period":"2016","periodStart":"2016-01-01",
                     "periodEnd":"2016-12-31","asOf":"2017-05-31T00:00:00Z","indicators":[{"id":"cpf-presented",
                     "group":6,"label":"Bénéficiaires accompagnés à qui le CPF a été présenté","definition":"...",
                     "unit":"PERCENT","value":96.0,"numerator":96,"denominator":100,
                     "coverage":{"contributing":98,"registered":102},"breakdown":[]}]}""")))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in violations[].field",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad-period",
                    value = "{\"status\":400,\"title\":\"Invalid request\",\"violations\":[{\"field\":\"period\","
                            + "\"message\":\"must be a year (2016), half-year (2016-H1), quarter (2016-Q3) or month "
                            + "(2016-03)\"}]}")))
    public IndicatorsResponse indicators(
            @Parameter(description = "national (default for analysts), region or structure (default for managers)")
            @QueryParam("scope") String scope,
            @Parameter(description = "INSEE region code when scope=region, structure id when scope=structure")
            @QueryParam("scopeId") String scopeId,
            @Parameter(description = "2016, 2016-H1, 2016-Q3 or 2016-03; default: the current year")
            @QueryParam("period") String period,
            @Parameter(description = ReportingRequest.AS_OF)
            @QueryParam("asOf") String asOf) {
        ReportingRequest.Question asked = request.question(scope, scopeId, period, asOf);
        return IndicatorsResponse.of(asked.scope(), asked.period(), asked.asOf(),
                queries.all(asked.scope(), asked.period(), asked.asOf()));
    }

    @Schema(name = "IndicatorSeries")
    public record SeriesResponse(@Schema(maxLength = 64) String id, @Schema(maxLength = 300) String label,
            @Schema(maxLength = 4000) String definition, @Schema(maxLength = 16) String unit,
            @Schema(maxLength = 16) String scope, @Schema(maxLength = 36) String scopeId,
            @Schema(maxLength = 16) String granularity, Instant asOf, @Schema(maxItems = 120) List<Point> points) {
    }

    @Schema(name = "SeriesPoint")
    public record Point(@Schema(maxLength = 7, examples = "2016-03") String period, LocalDate start, LocalDate end,
            BigDecimal value,
            BigDecimal numerator, BigDecimal denominator, IndicatorsResponse.CoverageEntry coverage) {
    }

    @GET
    @Path("/{id}/series")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Time series of one indicator", description = "One point per month, quarter, half-year or "
            + "year from the period holding `from` to the one holding `to` (at most 120 points).")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(
            schema = @Schema(implementation = SeriesResponse.class), examples = @ExampleObject(
            name = "monthly", value = """
                    {"id":"pmsmp-prescribed","label":"PMSMP prescrites","unit":"COUNT","scope":"national",
                     "granularity":"month","points":[{"period":"2016-01","start":"2016-01-01","end":"2016-01-31",
                     "value":912,"numerator":912,"denominator":null,"coverage":{"contributing":88,"registered":102}}]}""")))
    @APIResponse(responseCode = "404", description = "No such indicator", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    public SeriesResponse series(@PathParam("id") String id,
            @Parameter(description = "first period, e.g. 2016-01") @QueryParam("from") String from,
            @Parameter(description = "last period, e.g. 2016-12") @QueryParam("to") String to,
            @Parameter(description = "month (default), quarter, half-year or year") @QueryParam("granularity")
            String granularity,
            @QueryParam("scope") String scope, @QueryParam("scopeId") String scopeId,
            @Parameter(description = ReportingRequest.AS_OF) @QueryParam("asOf") String asOf) {
        Indicator indicator = Indicator.byId(id).orElseThrow(() -> new ResourceNotFoundException("Indicator", id));
        InvalidFields invalid = new InvalidFields();
        Scope resolved = invalid.read(() -> request.scope(scope, scopeId));
        ReportingPeriod first = invalid.read(() -> request.period(from, "from"));
        ReportingPeriod last = to == null || to.isBlank() ? first : invalid.read(() -> request.period(to, "to"));
        ReportingPeriod.Granularity cut = invalid.read(() -> {
            try {
                return granularity == null || granularity.isBlank() ? ReportingPeriod.Granularity.MONTH
                        : ReportingPeriod.Granularity.parse(granularity);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("granularity", e.getMessage());
            }
        });
        Instant asOfInstant = invalid.read(() -> request.asOf(asOf));
        invalid.throwIfAny();
        List<ReportingPeriod> periods;
        try {
            periods = ReportingPeriod.series(first, last, cut, MAX_SERIES_POINTS);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("to", e.getMessage());
        }
        List<Point> points = queries.series(indicator, resolved, periods, asOfInstant).stream()
                .map(p -> new Point(p.period().label(), p.period().start(), p.period().end(), p.value().value(),
                        p.value().numerator(), p.value().denominator(),
                        IndicatorsResponse.CoverageEntry.of(p.value().coverage())))
                .toList();
        return new SeriesResponse(indicator.id(), indicator.label(), indicator.definition(), indicator.unit().name(),
                resolved.kindName(), resolved.id().isEmpty() ? null : resolved.id(),
                cut.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), asOfInstant, points);
    }

    @Schema(name = "LatestPeriod")
    public record LatestPeriodResponse(
            @Schema(description = "The latest business day a recorded fact is dated (level-1 contact, accompaniment "
                    + "opened, interview, funding decision, entry, declared period), not after today; null while "
                    + "nothing is recorded", examples = "2016-12-31") LocalDate latestFactOn,
            @Schema(description = "The year holding that day, as `period` takes it; null while nothing is recorded",
                    maxLength = 4, examples = "2016") String year) {
    }

    @GET
    @Path("/latest-period")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "The latest period with recorded facts",
            description = "What a reader should look at first: the dashboard opens on this year rather than on an "
                    + "empty current period (after a load of the 2015-2016 demonstration network, 2016).")
    @APIResponse(responseCode = "200", description = "The latest day with facts and its year", content = @Content(
            schema = @Schema(implementation = LatestPeriodResponse.class),
            examples = @ExampleObject(name = "demo", value = "{\"latestFactOn\":\"2016-12-31\",\"year\":\"2016\"}")))
    public LatestPeriodResponse latestPeriod() {
        Optional<LocalDate> day = queries.latestFactDay(request.today());
        return new LatestPeriodResponse(day.orElse(null), day.map(d -> Integer.toString(d.getYear())).orElse(null));
    }

    @Schema(name = "RegionComparison")
    public record RegionComparisonResponse(@Schema(maxLength = 64, examples = "cep-beneficiaries") String id,
            @Schema(maxLength = 300) String label,
            @Schema(maxLength = 16, examples = "COUNT") String unit,
            @Schema(maxLength = 7, examples = "2016") String period, LocalDate periodStart,
            LocalDate periodEnd,
            @Schema(description = "The instant the figures were read as of (an asOf date is the end of that day in "
                    + "Europe/Paris)") Instant asOf,
            @Schema(description = "The indicator for the whole network, computed from its own facts") RegionEntry national,
            @Schema(maxItems = 30, description = "One entry per region with a structure registered by the period's "
                    + "end, by INSEE code") List<RegionEntry> regions) {
    }

    @Schema(name = "RegionValue")
    public record RegionEntry(@Schema(maxLength = 3, description = "INSEE region code; null for the nation",
            examples = "84")
            String region, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
            IndicatorsResponse.CoverageEntry coverage) {

        static RegionEntry of(String region, fr.capemploi.reporting.domain.IndicatorValue value) {
            return new RegionEntry(region, value.value(), value.numerator(), value.denominator(),
                    IndicatorsResponse.CoverageEntry.of(value.coverage()));
        }
    }

    @GET
    @Path("/{id}/regions")
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "One indicator in every region, beside the nation",
            description = "For the comparison of regions at national scope. Each region's value comes from its own "
                    + "numerator and denominator, as the nation's does (never from rounded regional figures).")
    @APIResponse(responseCode = "200", description = "The nation and each region", content = @Content(
            schema = @Schema(implementation = RegionComparisonResponse.class),
            examples = @ExampleObject(name = "cpf-presented", value = """
                    {"id":"cpf-presented","label":"Bénéficiaires accompagnés à qui le CPF a été présenté",
                     "unit":"PERCENT","period":"2016","periodStart":"2016-01-01","periodEnd":"2016-12-31",
                     "asOf":"2017-05-31T21:59:59.999999Z","national":{"region":null,"value":96.0,"numerator":96,
                     "denominator":100,"coverage":{"contributing":98,"registered":102}},"regions":[{"region":"84",
                     "value":93.8,"numerator":15,"denominator":16,"coverage":{"contributing":12,"registered":12}}]}""")))
    @APIResponse(responseCode = "404", description = "No such indicator", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "unknown", value = UNKNOWN)))
    public RegionComparisonResponse regions(@PathParam("id") String id,
            @Parameter(description = "2016, 2016-H1, 2016-Q3 or 2016-03; default: the current year")
            @QueryParam("period") String period,
            @Parameter(description = "ISO instant or date (the end of that day in Europe/Paris); default: now")
            @QueryParam("asOf") String asOf) {
        Indicator indicator = Indicator.byId(id).orElseThrow(() -> new ResourceNotFoundException("Indicator", id));
        InvalidFields invalid = new InvalidFields();
        ReportingPeriod reportingPeriod = invalid.read(() -> request.period(period, "period"));
        Instant asOfInstant = invalid.read(() -> request.asOf(asOf));
        invalid.throwIfAny();
        IndicatorQueries.RegionComparison comparison = queries.byRegion(indicator, reportingPeriod, asOfInstant);
        return new RegionComparisonResponse(indicator.id(), indicator.label(), indicator.unit().name(),
                reportingPeriod.label(), reportingPeriod.start(), reportingPeriod.end(), asOfInstant,
                RegionEntry.of(null, comparison.national()),
                comparison.regions().stream().map(r -> RegionEntry.of(r.region(), r.value())).toList());
    }
}
