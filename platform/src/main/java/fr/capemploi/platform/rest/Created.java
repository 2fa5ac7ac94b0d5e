package fr.capemploi.platform.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answer to a POST that created a resource: 201, its {@code Location} under the request's path, and the
 * created resource as the body. Typed ({@code RestResponse<T>}) rather than a {@code Response} built by hand: the
 * JSON writer is then chosen once when the application starts, where a {@code Response} had it looked up on every
 * request (15 % of a write's CPU in cep-service, bench/README.md "Write path").
 */
public final class Created {

    private Created() {
    }

    /** 201 with {@code Location: <request path>/<id>}. */
    public static <T> RestResponse<T> at(UriInfo uri, UUID id, T body) {
        return RestResponse.ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .entity(body).build();
    }
}
