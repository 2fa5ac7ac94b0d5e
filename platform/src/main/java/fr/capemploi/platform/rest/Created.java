package fr.capemploi.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The answer to a POST that created a resource: 201, its {@code Location}, and the created resource as the body.
 * Typed ({@code RestResponse<T>}) rather than a {@code Response} built by hand: the JSON writer is then chosen once
 * when the application starts, where a {@code Response} had it looked up on every request (15 % of a write's CPU in
 * cep-service, bench/README.md "Write path").
 */
public final class Created {

    private Created() {
    }

    /** 201 with {@code Location: <request path>/<id>}. */
    public static <T> RestResponse<T> at(UriInfo uri, UUID id, T body) {
        return RestResponse.ResponseBuilder.<T>created(under(uri, id)).entity(body).build();
    }

    /**
     * 201 for a resource kept with a version (its {@code ETag}, for a later {@code If-Match}).
     *
     * @param version null when the caller may not see the version (nothing to match against)
     */
    public static <T> RestResponse<T> at(URI location, T body, Long version) {
        RestResponse.ResponseBuilder<T> created = RestResponse.ResponseBuilder.<T>created(location).entity(body);
        if (version != null) {
            created.tag(new EntityTag(Long.toString(version)));
        }
        return created.build();
    }

    /** {@code <request path>/<id>}. */
    public static URI under(UriInfo uri, UUID id) {
        // the id is a UUID: nothing in it to encode. A UriBuilder took the path apart and put it together again, a
        // twentieth of a level-1 contact's request thread (bench/README.md, "Write path: claims read once")
        String path = uri.getAbsolutePath().toString();
        return URI.create(path.endsWith("/") ? path + id : path + "/" + id);
    }
}
