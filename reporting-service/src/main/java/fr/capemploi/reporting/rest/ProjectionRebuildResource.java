package fr.capemploi.reporting.rest;

import fr.capemploi.platform.security.Roles;
import fr.capemploi.reporting.service.ProjectionGenerations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/projections/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections")
public class ProjectionRebuildResource {

    private final ProjectionGenerations generations;

    public ProjectionRebuildResource(ProjectionGenerations generations) {
        this.generations = generations;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild every projection from offset 0",
            description = "Builds a new generation beside the active one, which keeps answering; switches when the new "
                    + "one has caught up. Calling it while a rebuild runs returns that rebuild. Follow it in "
                    + "/api/v1/projections/status.")
    @APIResponse(responseCode = "202", description = "Rebuild started or running", content = @Content(
            examples = @ExampleObject(name = "started",
                    value = "{\"generation\":2,\"startedAt\":\"2026-11-29T20:30:00Z\",\"switchedAt\":null}")))
    public Response rebuild() {
        return Response.accepted(generations.rebuild()).build();
    }
}
