package fr.capemploi.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.problem.NulCharacterException;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text that can never be stored is refused at the door: a NUL character (U+0000) in a JSON string or in a query or
 * path parameter is a 400 naming the field, instead of a 500 when PostgreSQL rejects it. One rule for every service.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("no-nul-text").addDeserializer(String.class, new NoNulStrings()));
    }

    /** Query and path parameters, checked before any resource method runs. */
    @ServerRequestFilter
    public void refuseNulInParameters(ContainerRequestContext request, HttpServerRequest http) {
        // a NUL reaches a parameter only from the query or as %00 in the path: without either, the decoded maps (built
        // for this check on every request otherwise) have nothing to show
        if (http.query() == null && http.path().indexOf("%00") < 0 && http.path().indexOf('\u0000') < 0) {
            return;
        }
        check(request.getUriInfo().getQueryParameters());
        check(request.getUriInfo().getPathParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw new InvalidFieldException(parameter.getKey(), NulCharacterException.MESSAGE);
                }
            }
        }
    }

    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
