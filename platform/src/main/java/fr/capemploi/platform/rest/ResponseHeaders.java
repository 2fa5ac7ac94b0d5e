package fr.capemploi.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every API answer carries, whatever produced it (a resource, an error mapper, the HTTP layer): answers may
 * hold personal data (JSON and PDF), so no cache may keep them ({@code Cache-Control: no-store}) and no browser may
 * sniff a PDF or a JSON body into something it would run ({@code X-Content-Type-Options: nosniff}). And a body too
 * large for the server is refused as problem+json like every other error, not as the HTTP layer's empty answer.
 */
@ApplicationScoped
public class ResponseHeaders {

    private final ObjectMapper json;
    private final long maxBodySize;
    private final int maxUriLength;

    public ResponseHeaders(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            PlatformConfig config) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUriLength = config.http().maxUriLength();
    }

    /**
     * A request line longer than the HTTP layer's {@code quarkus.http.limits.max-initial-line-length} gets that layer's
     * empty 414; that limit is set well above {@code cepcpf.http.max-uri-length}, so that every URI a client may
     * plausibly send too long is refused here, as problem+json.
     */
    private boolean uriTooLong(RoutingContext context) {
        String uri = context.request().uri();
        if (uri == null || uri.length() <= maxUriLength) {
            return false;
        }
        return refuse(context, 414, "uri-too-long", "URI too long",
                "The request URI is longer than the " + maxUriLength + " characters this service accepts");
    }

    void addApiHeaders(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith("/api/")) {
                context.addHeadersEndHandler(ignored -> {
                    MultiMap headers = context.response().headers();
                    headers.set("Cache-Control", "no-store");
                    headers.set("X-Content-Type-Options", "nosniff");
                });
            }
            if (!uriTooLong(context) && !oversized(context)) {
                context.next();
            }
        }, 20);
    }

    /**
     * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is read, as
     * problem+json like every other error (the HTTP layer's own 413 has no body).
     */
    private boolean oversized(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBodySize) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        return refuse(context, 413, "payload-too-large", "Payload too large",
                "The request body is larger than the " + maxBodySize + " bytes this service accepts");
    }

    private boolean refuse(RoutingContext context, int status, String slug, String title, String detail) {
        // the instance is the path only: a URI refused for its length is not echoed back
        String path = context.normalizedPath();
        Problem problem = Problem.of(slug, title, status, detail,
                path.length() > 200 ? path.substring(0, 200) : path);
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store")
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem));
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
