package fr.capemploi.platform.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.capemploi.platform.config.PlatformConfig;
import fr.capemploi.platform.problem.Problem;
import fr.capemploi.platform.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The two per-caller limits, answered 429 problem+json with {@code Retry-After}:
 * <ul>
 * <li>failed authentications per client address: once an address has had too many 401s in a window, every request
 * from it is refused until the window ends (it cannot keep trying tokens);</li>
 * <li>requests per partner: partner systems call the API in bulk (referrals, rights simulations); one of them must not
 * be able to starve the counsellors' traffic.</li>
 * </ul>
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;
    private final ObjectMapper json;
    private final int failedAuthentications;
    private final int partnerRequests;

    public RateLimits(RateLimiter limiter, CurrentIdentityAssociation identities, ObjectMapper json,
            PlatformConfig config) {
        this.limiter = limiter;
        this.identities = identities;
        this.json = json;
        this.failedAuthentications = config.rateLimit().failedAuthentications();
        this.partnerRequests = config.rateLimit().partnerRequests();
    }

    /** At the HTTP layer, before anything is read: refuse a blocked address, count the 401s it is answered. */
    void failedAuthentications(@Observes Filters filters) {
        filters.register(context -> {
            if (!context.normalizedPath().startsWith("/q/")) {
                String key = "address:" + address(context);
                OptionalLong blocked = limiter.blockedFor(key, failedAuthentications);
                if (blocked.isPresent()) {
                    tooMany(context, blocked.getAsLong(), "Too many failed authentications from your address");
                    return;
                }
                context.addHeadersEndHandler(ignored -> {
                    if (context.response().getStatusCode() == 401) {
                        limiter.record(key);
                    }
                });
            }
            context.next();
        }, 30);
    }

    /** After authentication: a partner's request counts against its own limit. */
    @ServerRequestFilter
    public Uni<Response> partnerRequests(ContainerRequestContext request, HttpServerRequest http) {
        // the header from the HTTP request itself: the JAX-RS view of the headers is a copy of all of them, built on
        // the first read (a third of this filter's time on a write, bench/JOURNAL.md "Write path")
        if (http.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null || identity == null || !isPartner(identity)) {
                // an invalid token is refused (401) by the security check that follows, not here
                return null;
            }
            String key = "partner:" + who(identity);
            if (limiter.acquire(key, partnerRequests)) {
                return null;
            }
            return Response.status(429).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limiter.retryAfter(key)))
                    .entity(Problem.of("too-many-requests", "Too Many Requests", 429,
                            "Too many requests from your system; retry after the delay given", request.getUriInfo()
                                    .getPath()))
                    .build();
        });
    }

    private static boolean isPartner(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.hasRole(Roles.PARTNER);
    }

    private static String who(SecurityIdentity identity) {
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return name + " sub=" + token.getSubject();
        }
        return name;
    }

    private static String address(RoutingContext context) {
        return context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
    }

    private void tooMany(RoutingContext context, long retryAfter, String detail) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of("too-many-requests", "Too Many Requests", 429, detail,
                    context.normalizedPath()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":429}";
        }
        context.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store").end(body);
    }
}
