package fr.capemploi.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The answer to a POST that created a resource: 201, its {@code Location}, and the created resource as the body.
 * Typed ({@code RestResponse<T>}) rather than a {@code Response} built by hand: the JSON writer is then chosen once
 * when the application starts, where a {@code Response} had it looked up on every request (15 % of a write's CPU in
 * cep-service, bench/JOURNAL.md "Write path").
 */
public final class Created {

    private Created() {
    }

    /** 201 with {@code Location: <request path>/<id>}. */
    public static <T> RestResponse<T> at(UriInfo uri, UUID id, T body) {
        // the header as text: a URI object here was parsed from the text only to be written back as text (a reader,
        // the idempotency interceptor, gets it parsed by RestResponse.getLocation())
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED)
                .header(HttpHeaders.LOCATION, location(uri, id)).entity(body).build();
    }

    /**
     * 201 for a resource kept with a version (its {@code ETag}, for a later {@code If-Match}).
     *
     * @param version null when the caller may not see the version (nothing to match against)
     */
    public static <T> RestResponse<T> at(URI location, T body, Long version) {
        RestResponse.ResponseBuilder<T> created = RestResponse.ResponseBuilder.<T>created(location).entity(body);
        if (version != null) {
            created.tag(Versioned.etag(version));
        }
        return created.build();
    }

    /** {@code <request path>/<id>}. */
    public static URI under(UriInfo uri, UUID id) {
        return URI.create(location(uri, id));
    }

    /**
     * {@code <request path>/<id>} as text. The id is a UUID: nothing in it to encode. A UriBuilder took the path apart
     * and put it together again (a twentieth of a level-1 contact's request thread), then {@code getAbsolutePath()}
     * parsed and normalised the request's absolute URI into an object only to be turned back into text (bench/JOURNAL.md,
     * "Write path"): the text the request already has is used as it is when there is nothing to normalise.
     */
    static String location(UriInfo uri, UUID id) {
        String path = absolutePath(uri);
        return path.endsWith("/") ? path + id : path + "/" + id;
    }

    private static String absolutePath(UriInfo uri) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        String absolute = request == null ? null : request.getAbsoluteURI();
        if (absolute != null) {
            int query = absolute.indexOf('?');
            String path = query < 0 ? absolute : absolute.substring(0, query);
            // what UriInfo.getAbsolutePath() would normalise: dot segments, a fragment, anything to decode or escape
            if (path.indexOf("/.") < 0 && path.indexOf('#') < 0 && path.indexOf('%') < 0 && isPlain(path)) {
                return path;
            }
        }
        return uri.getAbsolutePath().toString();
    }

    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
