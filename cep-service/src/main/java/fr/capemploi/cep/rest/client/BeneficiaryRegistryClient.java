package fr.capemploi.cep.rest.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The reads of beneficiary-service a CEP document needs. Every call carries the caller's own bearer token, so the
 * registry authorises it as the counsellor's own read and writes it to the person's access log; this service holds
 * no credential of its own. URL and timeouts: {@code quarkus.rest-client.beneficiary-service.*}.
 */
@RegisterRestClient(configKey = "beneficiary-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BeneficiaryRegistryClient {

    /** Only what a document prints of the person (no NIR, contact, BOE ground); 410 once they were erased. */
    @GET
    @Path("/beneficiaries/{id}/identity")
    RegistryBeneficiary beneficiary(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id);

    @GET
    @Path("/counsellors/{id}")
    RegistryCounsellor counsellor(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id);

    @GET
    @Path("/structures/{id}")
    RegistryStructure structure(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") UUID id);

    /**
     * The person as a document names them. {@code erased} is a tombstone's mark, should the registry ever answer one
     * rather than 410; fields it may add later are ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryBeneficiary(UUID id, UUID structureId, boolean erased, @Schema(maxLength = 16) String sex,
            @Schema(maxLength = 200) String firstName,
            @Schema(maxLength = 200) String lastName, LocalDate birthDate, LocalDate erasedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryCounsellor(UUID id, UUID structureId, @Schema(maxLength = 200) String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryStructure(UUID id, @Schema(maxLength = 20) String code, @Schema(maxLength = 200) String name,
            @Schema(maxLength = 200) String regionName, @Schema(maxLength = 3) String department) {
    }
}
