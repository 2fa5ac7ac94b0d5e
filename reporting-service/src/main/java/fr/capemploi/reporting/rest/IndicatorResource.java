package fr.capemploi.reporting.rest;

import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.service.IndicatorQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class IndicatorResource {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final IndicatorQueries queries;
    private final Clock clock;

    public IndicatorResource(IndicatorQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Indicator values for a scope and a period, as recorded by a given time")
    public IndicatorsResponse indicators(
            @Parameter(description = "national (default) or region") @QueryParam("scope") String scope,
            @Parameter(description = "INSEE region code when scope=region") @QueryParam("scopeId") String scopeId,
            @Parameter(description = "2016, 2016-H1, 2016-Q3 or 2016-03; default: the current year")
            @QueryParam("period") String period,
            @Parameter(description = "ISO instant or date: what had been recorded by then; default: now")
            @QueryParam("asOf") String asOf) {
        String scopeType = scope == null || scope.isBlank() ? "national" : scope;
        if (!scopeType.equals("national") && !scopeType.equals("region")) {
            throw new InvalidFieldException("scope", "must be national or region");
        }
        if (scopeType.equals("region") && (scopeId == null || !scopeId.matches("^[0-9]{2}$"))) {
            throw new InvalidFieldException("scopeId", "must be an INSEE region code when scope=region");
        }
        ReportingPeriod reportingPeriod = parsePeriod(period);
        Instant asOfInstant = parseAsOf(asOf);
        var values = queries.national(reportingPeriod, asOfInstant, scopeType.equals("region") ? scopeId : null);
        return new IndicatorsResponse(scopeType, scopeType.equals("region") ? scopeId : null, reportingPeriod.label(),
                reportingPeriod.start(), reportingPeriod.end(), asOfInstant,
                values.stream().map(v -> new IndicatorsResponse.IndicatorEntry(v.indicator().id(), v.indicator().label(),
                        v.indicator().definition(), v.value(), v.byRegion().stream()
                                .map(r -> new IndicatorsResponse.RegionEntry(r.region(), r.value())).toList()))
                        .toList());
    }

    private ReportingPeriod parsePeriod(String period) {
        if (period == null || period.isBlank()) {
            return ReportingPeriod.parse(Integer.toString(LocalDate.now(clock.withZone(FRANCE)).getYear()));
        }
        try {
            return ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("period", e.getMessage());
        }
    }

    private Instant parseAsOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return asOf.length() == 10
                    ? LocalDate.parse(asOf).plusDays(1).atStartOfDay(FRANCE).toInstant().minusNanos(1)
                    : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("asOf", "must be an ISO date (2016-12-31) or instant (2016-12-31T23:00:00Z)");
        }
    }
}
