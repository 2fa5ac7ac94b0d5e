package fr.capemploi.beneficiary.rest;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;

import fr.capemploi.platform.idempotency.Idempotent;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_WITHDRAWAL;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT_ALREADY_WITHDRAWN;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT_IN_FORCE;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT_LIST;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT_NOT_FOUND;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT_REQUEST;
import static fr.capemploi.beneficiary.rest.ApiExamples.CONSENT_WITHDRAWN;
import static fr.capemploi.beneficiary.rest.ApiExamples.WITHDRAWAL;

import fr.capemploi.beneficiary.domain.Consent;
import fr.capemploi.beneficiary.service.ConsentRegister;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GDPR consents (processing, health data, sharing with partners) of a beneficiary. The consent to mobilise a CPF
 * account belongs to the CPF service.
 */
@Path("/api/v1/beneficiaries/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consents", description = "GDPR consents given and withdrawn")
public class ConsentResource {

    private final ConsentRegister consents;

    public ConsentResource(ConsentRegister consents) {
        this.consents = consents;
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "The person's consents", description = "Given and withdrawn, oldest first; kept after "
            + "erasure as the legal trace. Logged (CONSENTS_READ).")
    @APIResponse(responseCode = "200", description = "Every consent", content = @Content(
            schema = @Schema(implementation = ConsentResponse.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    maxItems = 1000),
            examples = @ExampleObject(name = "one-withdrawn", value = CONSENT_LIST)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    public List<ConsentResponse> list(@PathParam("id") UUID id) {
        return consents.of(id).stream().map(ConsentResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Idempotent(replay = Idempotent.Replay.CURRENT_STATE)
    @Operation(summary = "Record a consent", description = "One consent in force per scope. Emits ConsentGiven.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConsentRequest.class),
            examples = @ExampleObject(name = "health-data", summary = "Signed consent to process the BOE recognition",
                    value = CONSENT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = ConsentResponse.class),
            examples = @ExampleObject(name = "recorded", value = CONSENT)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "A consent of that scope is in force", content = @Content(
            examples = @ExampleObject(name = "in-force", value = CONSENT_IN_FORCE)))
    @APIResponse(responseCode = "410", ref = RegistryResponses.BENEFICIARY_GONE)
    public RestResponse<ConsentResponse> give(@PathParam("id") UUID id, @Valid @NotNull ConsentRequest request,
            @Context UriInfo uri) {
        Consent consent = consents.give(id, request.scope(), request.givenOn(), request.modality());
        return Created.at(uri, consent.id(), ConsentResponse.of(consent));
    }

    @POST
    @Idempotent
    @Path("/{consentId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Withdraw a consent", description = "Not before the day it was given; once only. Emits "
            + "ConsentWithdrawn.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WithdrawalRequest.class),
            examples = @ExampleObject(name = "withdrawal", value = WITHDRAWAL)))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(
            schema = @Schema(implementation = ConsentResponse.class),
            examples = @ExampleObject(name = "withdrawn", value = CONSENT_WITHDRAWN)))
    @APIResponse(responseCode = "400", description = "Withdrawn before given", content = @Content(
            examples = @ExampleObject(name = "before-given", value = BAD_WITHDRAWAL)))
    @APIResponse(responseCode = "404", description = "Unknown beneficiary or consent", content = @Content(
            examples = @ExampleObject(name = "unknown-consent", value = CONSENT_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Already withdrawn", content = @Content(
            examples = @ExampleObject(name = "already-withdrawn", value = CONSENT_ALREADY_WITHDRAWN)))
    @APIResponse(responseCode = "410", ref = RegistryResponses.BENEFICIARY_GONE)
    public ConsentResponse withdraw(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId,
            @Valid @NotNull WithdrawalRequest request) {
        return ConsentResponse.of(consents.withdraw(id, consentId, request.withdrawnOn(), request.modality()));
    }
}
