package fr.capemploi.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One answer names every invalid field of a body: the values Jackson could not bind ({@link BodyBindingProblems}) and,
 * on the body read with those values absent, every constraint the rest breaks (a missing required field, a date in
 * the future...). A body whose values all bind goes on to the resource method and its usual validation.
 */
@Provider
public class EveryInvalidField implements ReaderInterceptor {

    private final Validator validator;

    public EveryInvalidField(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        List<Problem.Violation> noted = BodyBindingProblems.start();
        Object body;
        try {
            body = context.proceed();
        } catch (IOException | RuntimeException e) {
            JsonMappingException mapping = mappingCause(e);
            if (noted.isEmpty() || mapping == null || ProblemMappers.pathOf(mapping).isEmpty()) {
                throw e;
            }
            // a value that could not be read as absent (e.g. a constructor's own check) still joins the others
            List<Problem.Violation> all = new ArrayList<>(noted);
            all.add(new Problem.Violation(ProblemMappers.pathOf(mapping), messageOf(mapping)));
            throw new InvalidRequest(sorted(all));
        } finally {
            BodyBindingProblems.stop();
        }
        if (noted.isEmpty()) {
            return body;
        }
        List<Problem.Violation> all = new ArrayList<>(noted);
        if (body != null) {
            Set<String> named = new HashSet<>();
            noted.forEach(v -> named.add(v.field()));
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                String field = ProblemMappers.fieldOf(violation);
                // a value read as absent breaks @NotNull too: the caller sent it, the first message is the true one
                if (!named.contains(field)) {
                    all.add(new Problem.Violation(field, violation.getMessage()));
                }
            }
        }
        throw new InvalidRequest(sorted(all));
    }

    private static List<Problem.Violation> sorted(List<Problem.Violation> violations) {
        return violations.stream()
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
    }

    private static JsonMappingException mappingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                return mapping;
            }
            if (!(t instanceof WebApplicationException) && !(t instanceof IOException)) {
                return null;
            }
        }
        return null;
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof NulCharacterException) {
            return NulCharacterException.MESSAGE;
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause == e ? "is invalid" : cause.getMessage();
    }
}
