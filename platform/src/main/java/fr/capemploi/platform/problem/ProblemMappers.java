package fr.capemploi.platform.problem;

import fr.capemploi.platform.domain.RuleViolation;
import fr.capemploi.platform.idempotency.IdempotencyKeyReusedException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a service as {@code application/problem+json}. Bad input names the field at fault; a 500
 * says only that something failed and gives a reference that the logs carry with the stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client should wait before retrying while the database is away (a restart takes seconds). */
    static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseOutage databaseOutage;

    public ProblemMappers(DatabaseOutage databaseOutage) {
        this.databaseOutage = databaseOutage;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return badRequest(uri, violations);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequest e, UriInfo uri) {
        return badRequest(uri, e.violations());
    }

    /** A rule of an aggregate broken by a value of the request: the attribute is the request's field of that name. */
    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return badRequest(uri, List.of(new Problem.Violation(e.attribute(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String expected;
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            expected = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else {
            expected = "must be " + describe(target) + ", got " + quote(e.getValue());
        }
        return badRequest(uri, List.of(new Problem.Violation(pathOf(e), expected)));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return badRequest(uri, List.of(new Problem.Violation(pathOf(e), "is not a known field")));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        String message = e.getTargetType() == null ? "has the wrong type" : "must be " + describe(e.getTargetType());
        return badRequest(uri, List.of(new Problem.Violation(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return badRequest(uri, List.of(new Problem.Violation(pathOf(e).isEmpty() ? "body" : pathOf(e),
                cause.getMessage())));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return problem(400, "malformed-json", "Malformed JSON", "The body is not valid JSON" + where, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(uri, List.of(new Problem.Violation(pathOf(mapping), "is invalid")));
        }
        return problem(400, "malformed-json", "Malformed JSON", "The body could not be read as the expected JSON", uri);
    }

    @ServerExceptionMapper
    public Response nulCharacter(NulCharacterException e, UriInfo uri) {
        String field = pathOf(e);
        return badRequest(uri, List.of(new Problem.Violation(field.isEmpty() ? "body" : field,
                NulCharacterException.MESSAGE)));
    }

    /** Picks the most precise of the JSON mappers above for an error the framework wrapped. */
    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof NulCharacterException nul) {
            return nulCharacter(nul, uri);
        }
        if (e instanceof InvalidFormatException invalid) {
            return invalidFormat(invalid, uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, uri);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return valueInstantiation(instantiation, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        return otherJson(e, uri);
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri);
    }

    /** One answer in every service for a reference the caller may not use, naming the field, path or body alike. */
    @ServerExceptionMapper
    public Response unknownReference(UnknownReferenceException e, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + "unknown-reference", "Unknown reference", 404,
                e.field() + ": " + e.getMessage(), uri == null ? null : uri.getPath(),
                List.of(new Problem.Violation(e.field(), e.getMessage())));
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(409, "conflict", "Conflict", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response gone(GoneException e, UriInfo uri) {
        return problem(410, e.slug(), e.title(), e.getMessage(), uri);
    }

    /** beneficiary-service is needed and not answering: 503, and when to try again. */
    @ServerExceptionMapper
    public Response registryUnavailable(RegistryUnavailable e, UriInfo uri) {
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(problem(503, "registry-unavailable", "Service unavailable", e.getMessage(), uri))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problem(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "The bearer token is invalid, expired or not signed by a trusted issuer");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() != null && e.getMessage().startsWith("Your ") ? e.getMessage()
                : "Your role does not allow this operation";
        return problem(403, "forbidden", "Forbidden", detail, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // the JSON reader wraps its parse errors; unwrap them to name the field at fault
            return json(json, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This method is not allowed here";
            case 406 -> "The requested media type cannot be produced";
            case 400 -> "The request is invalid";
            case 415 -> "The request body must be application/json";
            default -> title;
        };
        return problem(status, slug(title), title, detail, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseOutage.isUnavailable(e)) {
            // not a bug: the write was not recorded and a retry will be; one log line per outage, not per request
            String path = uri == null ? "?" : uri.getPath();
            databaseOutage.failed(e, path);
            return Response.fromResponse(problem(503, "database-unavailable", "Service unavailable",
                    "The database is unavailable; nothing was recorded. Retry in a few seconds", uri))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseOutage.isStatementTimeout(e)) {
            // a known limit, not a bug: no stack trace; the caller learns what to change
            LOG.warnf("A statement ran past its time limit on %s: %s", uri == null ? "?" : uri.getPath(),
                    DatabaseOutage.rootMessage(e));
            return problem(503, "query-timeout", "Query took too long",
                    "The answer took longer than this service allows one query; nothing was changed. Ask for a "
                            + "narrower scope or a shorter period, or as of now rather than a past date", uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri == null ? "?" : uri.getPath());
        return problem(500, "internal-error", "Internal error",
                "An unexpected error occurred; quote reference " + reference + " to support", uri);
    }

    public static Response problem(int status, String slug, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(slug, title, status, detail, uri == null ? null : uri.getPath())).build();
    }

    private static Response badRequest(UriInfo uri, List<Problem.Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        Problem problem = new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail,
                uri == null ? null : uri.getPath(), violations);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthenticated(UriInfo uri, String detail) {
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The property path without the method and parameter names: {@code create.request.region} -> {@code region}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new java.util.ArrayList<>();
        boolean onlyParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parts.clear();
                parts.add(node.getName());
                onlyParameter = true;
                continue;
            }
            if (onlyParameter) {
                // a field of the request body: the parameter's Java name means nothing to the caller
                parts.clear();
                onlyParameter = false;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "a date-time (ISO 8601)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
