package fr.capemploi.platform.accesslog;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * beneficiary-service's access log, written with the caller's own bearer token: the entry names the counsellor or
 * manager who read, not the service that asked. URL and timeouts: {@code quarkus.rest-client.beneficiary-service.*}.
 */
@RegisterRestClient(configKey = "beneficiary-service")
@Path("/api/v1")
public interface AccessLogClient {

    @POST
    @Path("/beneficiaries/{id}/access-log")
    @Consumes(MediaType.APPLICATION_JSON)
    void recordRead(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") UUID beneficiaryId,
            RecordRead read);

    /** Which record was read: the service that holds it, its kind and its id. Nothing of the record's content. */
    record RecordRead(String service, String kind, UUID recordId) {
    }
}
