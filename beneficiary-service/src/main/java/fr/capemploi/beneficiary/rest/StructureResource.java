package fr.capemploi.beneficiary.rest;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;

import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.beneficiary.domain.Region;
import fr.capemploi.beneficiary.domain.Structure;
import fr.capemploi.beneficiary.service.StructureDirectory;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/structures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Structures", description = "The directory of Cap emploi structures")
public class StructureResource {

    private final StructureDirectory directory;

    public StructureResource(StructureDirectory directory) {
        this.directory = directory;
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a structure", description = "Administrators only. Emits StructureRegistered.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StructureRequest.class), examples = @ExampleObject(
            name = "paris", summary = "Cap emploi de Paris",
            value = "{\"code\":\"075\",\"name\":\"Cap emploi Paris\",\"region\":\"11\",\"department\":\"75\","
                    + "\"registeredOn\":\"2016-01-04\"}")))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(
            schema = @Schema(implementation = StructureResponse.class), examples = @ExampleObject(name = "paris",
            value = "{\"id\":\"6a1d3f0e-6c1b-4b59-9a51-1d1f6f4f2a01\",\"code\":\"075\",\"name\":\"Cap emploi Paris\","
                    + "\"region\":\"11\",\"regionName\":\"Île-de-France\",\"department\":\"75\","
                    + "\"registeredOn\":\"2016-01-04\"}")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(examples = @ExampleObject(name = "bad-region",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"region: is not an INSEE region code\","
                    + "\"instance\":\"/api/v1/structures\",\"violations\":[{\"field\":\"region\","
                    + "\"message\":\"is not an INSEE region code\"}]}")))
    @APIResponse(responseCode = "409", description = "Code already registered", content = @Content(
            examples = @ExampleObject(
            name = "duplicate", value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/conflict\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"A structure with code 075 is already registered\"}")))
    public RestResponse<StructureResponse> register(@Valid @NotNull StructureRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Region region = Region.ofInseeCode(request.region())
                .orElseThrow(() -> new InvalidFieldException("region", "is not an INSEE region code"));
        Structure structure = directory.register(new StructureDirectory.Registration(request.code(), request.name(),
                region, request.department(), request.registeredOn()));
        return Created.at(uri, structure.id(), StructureResponse.of(structure));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.COUNSELLOR, Roles.PARTNER})
    @Operation(summary = "List the structures", description = "Every role may read the directory.")
    @APIResponse(responseCode = "200", description = "A page of structures, ordered by code", content = @Content(
            schema = @Schema(implementation = StructureResponse.class),
            examples = @ExampleObject(name = "one-structure", value = ApiExamples.STRUCTURE_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(
            examples = @ExampleObject(name = "page-too-large", value = "{\"type\":\"https://cepcpf.capemploi.fr/"
                    + "problems/validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"size: must "
                    + "be less than or equal to 200\",\"instance\":\"/api/v1/structures\",\"violations\":[{\"field\":"
                    + "\"size\",\"message\":\"must be less than or equal to 200\"}]}")))
    public Page<StructureResponse> list(
            @Valid @BeanParam PageRequest paging) {
        Page<Structure> found = directory.list(paging.page(), paging.size());
        return found.map(StructureResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.COUNSELLOR, Roles.PARTNER})
    @Operation(summary = "Read one structure")
    @APIResponse(responseCode = "200", description = "The structure", content = @Content(
            schema = @Schema(implementation = StructureResponse.class),
            examples = @ExampleObject(name = "paris", value = ApiExamples.STRUCTURE)))
    @APIResponse(responseCode = "404", description = "Unknown structure", content = @Content(
            examples = @ExampleObject(name = "unknown-structure", value = ApiExamples.STRUCTURE_NOT_FOUND)))
    public StructureResponse get(@PathParam("id") UUID id) {
        return StructureResponse.of(directory.get(id));
    }
}
