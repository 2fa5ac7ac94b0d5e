package fr.capemploi.beneficiary.rest;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_ACTIVE_UNTIL;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_DEACTIVATED;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_DEACTIVATION;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_NOT_FOUND;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_REACTIVATION;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_RENAME;
import static fr.capemploi.beneficiary.rest.ApiExamples.COUNSELLOR_STALE;
import static fr.capemploi.beneficiary.rest.ApiExamples.SUMMARY_PAGE;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.beneficiary.domain.Counsellor;
import fr.capemploi.beneficiary.service.BeneficiaryRegistry;
import fr.capemploi.beneficiary.service.CounsellorDirectory;
import fr.capemploi.beneficiary.service.IfMatch;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.rest.Versioned;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The counsellor directory. Administrators manage it; analysts read it (it is a directory, not people); the
 * structure's own counsellors and managers read their colleagues. Partners do not see it.
 */
@Path("/api/v1/counsellors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Counsellors", description = "Counsellors of each structure and their portfolios")
public class CounsellorResource {

    private final CounsellorDirectory directory;
    private final BeneficiaryRegistry registry;
    private final MergePatch mergePatch;
    private final Clock clock;

    public CounsellorResource(CounsellorDirectory directory, BeneficiaryRegistry registry, MergePatch mergePatch,
            Clock clock) {
        this.directory = directory;
        this.registry = registry;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.COUNSELLOR})
    @Operation(summary = "Read a counsellor")
    @APIResponse(responseCode = "200", description = "The counsellor", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CounsellorResponse.class),
                    examples = @ExampleObject(name = "active", value = COUNSELLOR)))
    @APIResponse(responseCode = "404", description = "Unknown counsellor, or of another structure", content = @Content(
            examples = @ExampleObject(name = "unknown-counsellor", value = COUNSELLOR_NOT_FOUND)))
    public RestResponse<CounsellorResponse> get(@PathParam("id") UUID id) {
        Counsellor counsellor = directory.get(id);
        return Versioned.ok(CounsellorResponse.of(counsellor, clock), counsellor.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rename, deactivate or reactivate a counsellor", description = "JSON merge patch; If-Match "
            + "required. Setting activeUntil emits CounsellorDeactivated, clearing it CounsellorReactivated.")
    @Parameter(name = RequestHeaders.IF_MATCH, in = ParameterIn.HEADER, required = true,
            description = "The ETag of the counsellor read before the change", example = "\"0\"")
    @RequestBody(content = @Content(schema = @Schema(implementation = CounsellorChanges.class), examples = {
            @ExampleObject(name = "deactivate", summary = "Last day on 30 September 2016", value = COUNSELLOR_DEACTIVATION),
            @ExampleObject(name = "rename", value = COUNSELLOR_RENAME),
            @ExampleObject(name = "reactivate", value = COUNSELLOR_REACTIVATION)}))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CounsellorResponse.class),
                    examples = @ExampleObject(name = "deactivated", value = COUNSELLOR_DEACTIVATED)))
    @APIResponse(responseCode = "400", description = "Invalid change", content = @Content(
            examples = @ExampleObject(name = "end-before-start", value = BAD_ACTIVE_UNTIL)))
    @APIResponse(responseCode = "404", description = "Unknown counsellor", content = @Content(
            examples = @ExampleObject(name = "unknown-counsellor", value = COUNSELLOR_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            examples = @ExampleObject(name = "stale", value = COUNSELLOR_STALE)))
    public RestResponse<CounsellorResponse> change(@PathParam("id") UUID id, JsonNode patch,
            @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        Counsellor counsellor = directory.change(id, IfMatch.parse(ifMatch), current -> {
            CounsellorChanges merged = mergePatch.apply(
                    new CounsellorChanges(current.displayName(), current.activeUntil()), patch, CounsellorChanges.class);
            return new CounsellorDirectory.Details(merged.displayName().strip(), merged.activeUntil());
        });
        return Versioned.ok(CounsellorResponse.of(counsellor, clock), counsellor.version());
    }

    @GET
    @Path("/{id}/portfolio")
    @RolesAllowed({Roles.MANAGER, Roles.COUNSELLOR})
    @Operation(summary = "A counsellor's portfolio", description = "The active beneficiaries whose referent the "
            + "counsellor is, in name order. Personal data: the structure's counsellors and managers only; each person "
            + "listed gets an access-log entry (PORTFOLIO).")
    @APIResponse(responseCode = "200", description = "A page of beneficiaries", content = @Content(
            schema = @Schema(implementation = BeneficiarySummary.class),
            examples = @ExampleObject(name = "portfolio", value = SUMMARY_PAGE)))
    @APIResponse(responseCode = "404", description = "Unknown counsellor, or of another structure", content = @Content(
            examples = @ExampleObject(name = "unknown-counsellor", value = COUNSELLOR_NOT_FOUND)))
    public Page<BeneficiarySummary> portfolio(@PathParam("id") UUID id,
            @Valid @BeanParam PageRequest paging) {
        var found = registry.portfolio(id, paging.page(), paging.size());
        return found.map(BeneficiarySummary::of);
    }
}
