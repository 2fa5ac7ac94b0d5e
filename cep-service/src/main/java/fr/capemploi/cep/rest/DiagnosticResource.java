package fr.capemploi.cep.rest;
import fr.capemploi.platform.rest.ExampleIds;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import fr.capemploi.platform.rest.CommonProblemResponses;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;

import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.cep.domain.Diagnostic;
import fr.capemploi.cep.service.BeneficiaryReferences;
import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.cep.service.Diagnostics;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.security.Caller;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cep/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Diagnostics", description = "Entry diagnostic: work axis, barriers and service correspondence")
@RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
public class DiagnosticResource {

    private final Diagnostics diagnostics;
    private final BeneficiaryReferences beneficiaries;
    private final CounsellorDirectory counsellors;
    private final Caller caller;

    public DiagnosticResource(Diagnostics diagnostics, BeneficiaryReferences beneficiaries, Caller caller,
            CounsellorDirectory counsellors) {
        this.counsellors = counsellors;
        this.diagnostics = diagnostics;
        this.beneficiaries = beneficiaries;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @Operation(summary = "Record the entry diagnostic of a beneficiary of the caller's structure",
            description = "Counsellors and managers. The answer carries the service correspondence of the work axis. "
                    + "Emits DiagnosticRecorded.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DiagnosticRequest.class), examples = {
            @ExampleObject(name = "training-project", summary = "Training project: CEP level 3",
                    value = "{\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"diagnosedOn\":\"2016-02-22\","
                            + "\"workAxis\":\"TRAINING_PROJECT\",\"barriers\":[\"QUALIFICATION\",\"MOBILITY\"],"
                            + "\"counsellorId\":\"" + ExampleIds.COUNSELLOR + "\"}"),
            @ExampleObject(name = "disability-barriers", summary = "Disability-related barriers: not CEP",
                    value = "{\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"diagnosedOn\":\"2016-02-22\","
                            + "\"workAxis\":\"DISABILITY_BARRIERS\",\"barriers\":[\"HEALTH\"]}")}))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = DiagnosticResponse.class),
                    examples = @ExampleObject(name = "training-project",
            value = "{\"id\":\"" + Examples.DIAGNOSTIC + "\",\"structureId\":\"" + ExampleIds.STRUCTURE + "\","
                    + "\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"counsellorId\":\"" + ExampleIds.COUNSELLOR
                    + "\",\"diagnosedOn\":\"2016-02-22\",\"workAxis\":\"TRAINING_PROJECT\","
                    + "\"barriers\":[\"QUALIFICATION\",\"MOBILITY\"],\"serviceCorrespondence\":{"
                    + "\"workAxis\":\"TRAINING_PROJECT\",\"capEmploiService\":\"TRAINING_PROJECT\",\"cep\":true,"
                    + "\"cepLevel\":3,\"explanation\":\"A training project leads to the Cap emploi service "
                    + "'définition, mise en œuvre et suivi d'un projet de formation', which is CEP level 3 "
                    + "(accompagnement à la mise en œuvre)\"}}")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(examples = @ExampleObject(name = "unknown-axis",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"workAxis: must be one of DISABILITY_BARRIERS, PROJECT_ELABORATION, "
                    + "TRAINING_PROJECT, JOB_SEARCH, JOB_RETENTION\",\"violations\":[{\"field\":\"workAxis\","
                    + "\"message\":\"must be one of DISABILITY_BARRIERS, PROJECT_ELABORATION, TRAINING_PROJECT, "
                    + "JOB_SEARCH, JOB_RETENTION\"}]}")))
    @APIResponse(responseCode = "404", ref = CommonProblemResponses.UNKNOWN_REFERENCE)
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public RestResponse<DiagnosticResponse> record(@Valid @NotNull DiagnosticRequest request, @Context UriInfo uri) {
        if (request.barriers().size() != request.barriers().stream().distinct().count()) {
            throw new InvalidFieldException("barriers", "must not repeat a barrier");
        }
        UUID structure = caller.ownStructure();
        beneficiaries.require(request.beneficiaryId(), structure);
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        Diagnostic diagnostic = diagnostics.record(new Diagnostics.NewDiagnostic(structure, request.beneficiaryId(),
                counsellor, request.diagnosedOn(), request.workAxis(), request.barriers(), caller.name()));
        return Created.at(uri, diagnostic.id(), DiagnosticResponse.of(diagnostic));
    }

    @GET
    @Operation(summary = "List the diagnostics of the caller's structure", description = "Newest first.")
    public Page<DiagnosticResponse> list(
            @QueryParam("beneficiaryId") UUID beneficiaryId,
            @Valid @BeanParam PageRequest paging) {
        Page<Diagnostic> found = diagnostics.list(caller.ownStructure(), beneficiaryId, paging.page(), paging.size());
        return found.map(DiagnosticResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a diagnostic and its service correspondence")
    public DiagnosticResponse get(@PathParam("id") UUID id) {
        Diagnostic diagnostic = diagnostics.get(caller.ownStructure(), id);
        beneficiaries.traceReadIfErased(diagnostic.beneficiaryId(), "diagnostic", id);
        return DiagnosticResponse.of(diagnostic);
    }
}
