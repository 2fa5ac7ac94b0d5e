package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.cep.service.Level1Contacts;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cep/level1-contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Level-1 contacts", description = "CEP level 1: accueil individualisé")
public class Level1ContactResource {

    private final Level1Contacts contacts;
    private final Caller caller;

    public Level1ContactResource(Level1Contacts contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Record a level-1 contact in the caller's structure", description = "Emits Level1ContactRecorded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "anonymous-phone-call",
            value = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                    + "\"liaisonSheetIssued\":false}")))
    public Response record(@Valid @NotNull Level1ContactRequest request, @Context UriInfo uri) {
        Level1Contact contact = contacts.record(new Level1Contacts.NewContact(caller.ownStructure(),
                request.counsellorId(), request.beneficiaryId(), request.contactDate(), request.channel(),
                request.request(), request.liaisonSheetIssued(), caller.name()));
        return Response.created(uri.getAbsolutePathBuilder().path(contact.id().toString()).build())
                .entity(Level1ContactResponse.of(contact)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Read a level-1 contact of the caller's structure")
    public Level1ContactResponse get(@PathParam("id") UUID id) {
        Level1Contact contact = contacts.get(id);
        caller.checkAccess(contact.structureId(), "Level-1 contact", id);
        return Level1ContactResponse.of(contact);
    }
}
