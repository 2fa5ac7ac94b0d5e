package fr.capemploi.reporting.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web dashboard at {@code /} is static files (META-INF/resources) served without a token; its scripts call the
 * API with the token the user typed. This adds the response headers those pages need: a content security policy
 * allowing nothing but this service (ops run the dashboard offline, and a script injected into a page holding a
 * bearer token must not be able to send it anywhere), and revalidation on every load so that a redeployed service
 * never runs an old script against a new API.
 */
@ApplicationScoped
public class DashboardPageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    void addPageHeaders(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            // the API answers JSON and files, and Swagger UI under /q/ needs inline scripts: pages only
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                context.addHeadersEndHandler(ignored -> {
                    MultiMap headers = context.response().headers();
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("Referrer-Policy", "no-referrer");
                    headers.set("Cache-Control", "no-cache");
                });
            }
            context.next();
        }, 10);
    }
}
