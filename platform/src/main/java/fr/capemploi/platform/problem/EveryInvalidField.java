package fr.capemploi.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.resteasy.reactive.jackson.runtime.serialisers.ServerJacksonMessageBodyReader;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * One answer names every invalid field of a body: the values Jackson could not bind ({@link BodyBindingProblems}) and,
 * on the body read with those values absent, every constraint the rest breaks (a missing required field, a date in
 * the future...). A body whose values all bind goes on to the resource method and its usual validation.
 *
 * <p>The JSON reader of our request records (types of {@code fr.capemploi}), taking precedence over the framework's
 * own (a provider of the application comes before a built-in one), which it extends: the body is read exactly as
 * before, within the noting. A {@code ReaderInterceptor} did the same around the framework's reader, but any reader
 * interceptor sends every body of the service down the framework's general path, where the resource method's
 * parameter annotations were parsed by reflection on every request (bench/JOURNAL.md, "Write path").
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
public class EveryInvalidField extends ServerJacksonMessageBodyReader {

    private static final String OURS = "fr.capemploi.";

    private final Validator validator;

    public EveryInvalidField(Instance<ObjectMapper> mapper, Validator validator) {
        super(mapper);
        this.validator = validator;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo lazyMethod,
            MediaType mediaType) {
        return type.getName().startsWith(OURS) && super.isReadable(type, genericType, lazyMethod, mediaType);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith(OURS) && super.isReadable(type, genericType, annotations, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, MediaType mediaType, ServerRequestContext context)
            throws WebApplicationException, IOException {
        return everyInvalidField(() -> super.readFrom(type, genericType, mediaType, context));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws IOException, WebApplicationException {
        return everyInvalidField(() -> super.readFrom(type, genericType, annotations, mediaType, httpHeaders,
                entityStream));
    }

    private interface Reading {
        Object read() throws IOException;
    }

    private Object everyInvalidField(Reading reading) throws IOException {
        List<Problem.Violation> noted = BodyBindingProblems.start();
        Object body;
        try {
            body = reading.read();
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
