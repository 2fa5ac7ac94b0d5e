package fr.capemploi.beneficiary.rest;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.platform.rest.Created;

import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_PAGE;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_REQUEST;
import static fr.capemploi.beneficiary.rest.ApiExamples.STRUCTURE_NOT_FOUND;

import fr.capemploi.beneficiary.domain.Counsellor;
import fr.capemploi.beneficiary.repository.CounsellorRepository;
import fr.capemploi.beneficiary.service.CounsellorDirectory;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.rest.Page;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A structure's counsellors: administrators register them; analysts, administrators and the structure's own
 * counsellors and managers list them. Partners do not see the directory of people.
 */
@Path("/api/v1/structures/{id}/counsellors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counsellors")
public class StructureCounsellorResource {

    private final CounsellorDirectory directory;
    private final Clock clock;

    public StructureCounsellorResource(CounsellorDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent(replay = Idempotent.Replay.CURRENT_STATE)
    @Operation(summary = "Register a counsellor", description = "Administrators only. Emits CounsellorRegistered "
            + "(without the name). An Idempotency-Key makes a retry return the counsellor created the first time.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CounsellorRequest.class),
            examples = @ExampleObject(name = "new-counsellor", summary = "A counsellor joining in January 2016",
                    value = COUNSELLOR_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CounsellorResponse.class),
                    examples = @ExampleObject(name = "registered", value = COUNSELLOR)))
    @APIResponse(responseCode = "404", description = "Unknown structure", content = @Content(
            examples = @ExampleObject(name = "unknown-structure", value = STRUCTURE_NOT_FOUND)))
    public RestResponse<CounsellorResponse> register(@PathParam("id") UUID id, @Valid @NotNull CounsellorRequest request,
            @Context UriInfo uri) {
        Counsellor counsellor = directory.register(id, request.displayName().strip(), request.activeFrom());
        return Created.at(uri.getBaseUriBuilder().path("api/v1/counsellors").path(counsellor.id().toString()).build(),
                CounsellorResponse.of(counsellor, clock), counsellor.version());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.COUNSELLOR})
    @Operation(summary = "List a structure's counsellors", description = "Ordered by name. Counsellors and managers "
            + "see their own structure only (another structure is 404).")
    @APIResponse(responseCode = "200", description = "A page of counsellors", content = @Content(
            schema = @Schema(implementation = CounsellorResponse.class),
            examples = @ExampleObject(name = "one-counsellor", value = COUNSELLOR_PAGE)))
    @APIResponse(responseCode = "404", description = "Unknown structure, or another structure", content = @Content(
            examples = @ExampleObject(name = "unknown-structure", value = STRUCTURE_NOT_FOUND)))
    public Page<CounsellorResponse> list(@PathParam("id") UUID id,
            @Parameter(description = "true: active today; false: not active today; absent: all", example = "true")
            @QueryParam("active") String active,
            @Valid @BeanParam PageRequest paging) {
        CounsellorRepository.Activity activity;
        if (active == null) {
            activity = CounsellorRepository.Activity.ALL;
        } else if (active.equals("true") || active.equals("false")) {
            activity = Boolean.parseBoolean(active) ? CounsellorRepository.Activity.ACTIVE
                    : CounsellorRepository.Activity.INACTIVE;
        } else {
            throw new InvalidFieldException("active", "must be true or false");
        }
        Page<Counsellor> found = directory.ofStructure(id, activity, paging.page(), paging.size());
        return found.map(counsellor -> CounsellorResponse.of(counsellor, clock));
    }
}
