package fr.capemploi.beneficiary.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import fr.capemploi.beneficiary.service.ErasedException;
import fr.capemploi.beneficiary.service.PreconditionFailedException;
import fr.capemploi.beneficiary.service.PreconditionRequiredException;
import fr.capemploi.platform.problem.DatabaseOutage;
import fr.capemploi.platform.problem.ProblemMappers;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The registry's own errors as problem+json: preconditions (412/428), erased records (410), reused keys (422). */
public class RegistryProblemMappers {

    private final ProblemMappers platform;

    public RegistryProblemMappers(DatabaseOutage databaseOutage) {
        // the platform's mappers, reused for the cases below that end as one of theirs (503 while the database is away)
        this.platform = new ProblemMappers(databaseOutage);
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return ProblemMappers.problem(412, "precondition-failed", "Precondition failed", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequiredException e, UriInfo uri) {
        return ProblemMappers.problem(428, "precondition-required", "Precondition required", e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response erased(ErasedException e, UriInfo uri) {
        return ProblemMappers.problem(410, "erased", "Erased", e.getMessage(), uri);
    }


    /** A write that lost a race the row lock did not prevent: the client reads again and retries. */
    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return ProblemMappers.problem(409, "concurrent-change", "Conflict",
                "The record was changed by another request at the same time; read it again and retry", uri);
    }

    /** Two concurrent requests raced past a uniqueness check; the database's unique index decided. */
    @ServerExceptionMapper
    public Response uniqueness(ConstraintViolationException e, UriInfo uri) {
        String constraint = e.getConstraintName() == null ? "" : e.getConstraintName();
        if (constraint.contains("beneficiary_nir")) {
            return ProblemMappers.problem(409, "conflict", "Conflict",
                    "A beneficiary with this NIR is already registered in this structure", uri);
        }
        if (constraint.contains("consent_in_force")) {
            return ProblemMappers.problem(409, "conflict", "Conflict",
                    "A consent of this scope is already in force", uri);
        }
        return platform.unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidPatch(MergePatch.InvalidPatchException e, UriInfo uri) {
        JsonProcessingException reason = e.reason();
        if (reason instanceof InvalidFormatException invalid) {
            return platform.invalidFormat(invalid, uri);
        }
        if (reason instanceof UnrecognizedPropertyException unknown) {
            return platform.unknownProperty(unknown, uri);
        }
        if (reason instanceof ValueInstantiationException instantiation) {
            return platform.valueInstantiation(instantiation, uri);
        }
        if (reason instanceof MismatchedInputException mismatched) {
            return platform.mismatchedInput(mismatched, uri);
        }
        if (reason instanceof JsonParseException parse) {
            return platform.malformedJson(parse, uri);
        }
        return platform.otherJson(reason, uri);
    }
}
