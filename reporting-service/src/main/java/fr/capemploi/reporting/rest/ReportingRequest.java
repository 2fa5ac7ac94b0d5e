package fr.capemploi.reporting.rest;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.InvalidFields;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.domain.ReportingPeriod;
import fr.capemploi.reporting.domain.Scope;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads the query parameters shared by indicators and reports, and applies who may see which scope: analysts and
 * admins any scope (national by default); a manager only its own structure (the default): another structure is
 * answered 404 as if it did not exist, a region or the nation 403.
 */
@RequestScoped
public class ReportingRequest {

    private final Caller caller;
    private final Clock clock;

    public ReportingRequest(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    /** The {@code asOf} parameter as every operation documents it. */
    static final String AS_OF = "ISO instant, or ISO date meaning the end of that day in Europe/Paris: what had been "
            + "recorded by then; default: now. The response echoes the instant used (`asOf`)";

    /** What a caller asks the figures of: a scope, a period, and the instant they are read as recorded by. */
    public record Question(Scope scope, ReportingPeriod period, Instant asOf) {
    }

    /** The scope, the period (parameter {@code period}) and asOf of a request, every invalid one named at once. */
    public Question question(String scope, String scopeId, String period, String asOf) {
        return question(scope, scopeId, () -> period(period, "period"), asOf);
    }

    /** The same with a period the CNEFOP survey takes: a year or a half-year. */
    public Question surveyQuestion(String scope, String scopeId, String period, String asOf) {
        return question(scope, scopeId, () -> surveyPeriod(period), asOf);
    }

    private Question question(String scope, String scopeId, Supplier<ReportingPeriod> period, String asOf) {
        InvalidFields invalid = new InvalidFields();
        Scope resolved = invalid.read(() -> scope(scope, scopeId));
        ReportingPeriod reportingPeriod = invalid.read(period);
        Instant asOfInstant = invalid.read(() -> asOf(asOf));
        invalid.throwIfAny();
        return new Question(resolved, reportingPeriod, asOfInstant);
    }

    public Scope scope(String scope, String scopeId) {
        boolean manager = !caller.hasRole(Roles.ANALYST) && !caller.hasRole(Roles.ADMIN);
        String kind = scope == null || scope.isBlank() ? (manager ? "structure" : "national") : scope.trim();
        Scope resolved = switch (kind) {
            case "national" -> Scope.national();
            case "region" -> {
                if (scopeId == null || !scopeId.matches("^[0-9]{2}$")) {
                    throw new InvalidFieldException("scopeId", "must be an INSEE region code when scope=region");
                }
                yield Scope.region(scopeId);
            }
            case "structure" -> {
                if (manager && (scopeId == null || scopeId.isBlank())) {
                    yield Scope.structure(caller.ownStructure());
                }
                try {
                    yield Scope.structure(UUID.fromString(scopeId == null ? "" : scopeId.trim()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("scopeId", "must be a structure id (UUID) when scope=structure");
                }
            }
            default -> throw new InvalidFieldException("scope", "must be national, region or structure");
        };
        if (manager) {
            if (resolved.kind() != Scope.Kind.STRUCTURE) {
                throw new ForbiddenException("A manager sees the figures of its own structure only");
            }
            if (!resolved.id().equals(caller.ownStructure().toString())) {
                throw new ResourceNotFoundException("Structure", resolved.id());
            }
        }
        return resolved;
    }

    public ReportingPeriod period(String period, String field) {
        if (period == null || period.isBlank()) {
            return ReportingPeriod.parse(Integer.toString(BusinessDay.today(clock).getYear()));
        }
        try {
            return ReportingPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    /** A period that must be a year or a half-year, as the CNEFOP survey asks. */
    public ReportingPeriod surveyPeriod(String period) {
        if (period == null || !period.matches("^\\d{4}(-H[12])?$")) {
            throw new InvalidFieldException("period", "must be a year (2016) or a half-year (2016-H1)");
        }
        return ReportingPeriod.parse(period);
    }

    public Instant asOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return asOf.length() == 10
                    ? BusinessDay.startOf(LocalDate.parse(asOf).plusDays(1)).minusNanos(1000)
                    : Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("asOf", "must be an ISO date (2016-12-31) or instant (2016-12-31T23:00:00Z)");
        }
    }

    public LocalDate today() {
        return BusinessDay.today(clock);
    }
}
