package fr.capemploi.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answer that reads or changes a resource kept with a version: 200, the resource as the body and its version as
 * its {@code ETag}, for a later {@code If-Match}. Typed like {@link Created}, for the same reason.
 */
public final class Versioned {

    private Versioned() {
    }

    public static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).tag(etag(version)).build();
    }

    /** The version as an entity tag: what {@code If-Match} sends back. */
    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
