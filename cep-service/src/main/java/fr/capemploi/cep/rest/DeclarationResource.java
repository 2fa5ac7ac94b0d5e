package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.DeclarationPeriod;
import fr.capemploi.cep.domain.OperatorDeclaration;
import fr.capemploi.cep.service.Declarations;
import fr.capemploi.platform.rest.Created;
import fr.capemploi.platform.rest.Versioned;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/cep/declarations/{structureId}/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Operator declarations", description = "What a structure declares to the CNEFOP survey for a year or a "
        + "half-year: ETP, professionalisation, self-assessment")
public class DeclarationResource {

    private static final String EXAMPLE = "{\"counsellorFte\":{\"level1Only\":0.5,\"levels2And3Only\":1.8,"
            + "\"allLevels\":6.25},\"supportFte\":1.4,\"professionalisation\":{\"actionsEngaged\":true,"
            + "\"actions\":[\"AFPA_LEVEL3_AND_FINANCIAL_ENGINEERING\",\"INTERNAL_WITH_CEP_KIT\"]},"
            + "\"systematicTrainingForNewCounsellors\":false,\"cepTraining\":{\"days\":14.5,\"counsellorsTrained\":5},"
            + "\"mutualisedOffer\":{\"used\":true,\"natures\":[\"SPRO\"]},\"selfAssessment\":{\"level1Delivered\":true,"
            + "\"trainingsFitNeeds\":true,\"cpfRulesMastered\":true,\"newFundersUsed\":false,\"sproToolsDeveloped\":true,"
            + "\"cepKitUsedInternally\":true},\"comment\":\"Formations AFPA suivies par deux conseillers\"}";

    private final Declarations declarations;
    private final Caller caller;

    public DeclarationResource(Declarations declarations, Caller caller) {
        this.declarations = declarations;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Submit (or resubmit) the structure's declaration for a period",
            description = "The structure's manager only (another structure: 404). The first submission creates "
                    + "version 1 (201); a resubmission replaces it with the next version (200). Emits "
                    + "OperatorDeclarationSubmitted with version and replacesVersion.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DeclarationRequest.class), examples = {
            @ExampleObject(name = "half-year-2016", summary = "2016-H1, every question answered", value = EXAMPLE),
            @ExampleObject(name = "minimal", summary = "Only the mandatory figures",
                    value = "{\"counsellorFte\":{\"level1Only\":0,\"levels2And3Only\":2,\"allLevels\":5.5},"
                            + "\"supportFte\":1,\"professionalisation\":{\"actionsEngaged\":false,\"actions\":[]},"
                            + "\"systematicTrainingForNewCounsellors\":true}")}))
    @APIResponse(responseCode = "201", description = "First version", content = @Content(
            schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "200", description = "Resubmitted: a new version replaces the previous one",
            content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid field or period", content = @Content(
            examples = @ExampleObject(name = "bad-period",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"period: must be a year (2016) or a half-year (2016-H1, 2016-H2)\","
                    + "\"violations\":[{\"field\":\"period\",\"message\":\"must be a year (2016) or a half-year "
                    + "(2016-H1, 2016-H2)\"}]}")))
    public RestResponse<DeclarationResponse> submit(
            @PathParam("structureId") UUID structureId,
            @PathParam("period") @Parameter(description = "A year (2016) or a half-year (2016-H1, 2016-H2)",
                    example = "2016-H1") String period,
            @Valid @NotNull DeclarationRequest request, @Context UriInfo uri) {
        caller.checkAccess(structureId, "Structure", structureId);
        DeclarationPeriod declared = declarations.period(period);
        OperatorDeclaration declaration = declarations.submit(structureId, declared, request.figures(),
                request.comment() == null || request.comment().isBlank() ? null : request.comment().strip(),
                caller.name());
        DeclarationResponse body = DeclarationResponse.of(declaration);
        return declaration.version() == 1 ? Created.at(uri.getAbsolutePath(), body, (long) declaration.version())
                : Versioned.ok(body, declaration.version());
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Read the latest version of a structure's declaration",
            description = "The structure's manager, analysts and administrators.")
    @APIResponse(responseCode = "200", description = "The latest version", content = @Content(
            schema = @Schema(implementation = DeclarationResponse.class)))
    public RestResponse<DeclarationResponse> get(@PathParam("structureId") UUID structureId, @PathParam("period") String period) {
        caller.checkAccess(structureId, "Structure", structureId);
        OperatorDeclaration declaration = declarations.latest(structureId, declarations.period(period));
        return Versioned.ok(DeclarationResponse.of(declaration), declaration.version());
    }
}
