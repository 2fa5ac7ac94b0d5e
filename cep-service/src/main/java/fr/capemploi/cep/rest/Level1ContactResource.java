package fr.capemploi.cep.rest;
import fr.capemploi.platform.rest.ExampleIds;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import fr.capemploi.platform.rest.CommonProblemResponses;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;

import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.cep.service.BeneficiaryReferences;
import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.cep.service.Level1Contacts;
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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cep/level1-contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Level-1 contacts", description = "CEP level 1: accueil individualisé, routing and fiche de liaison")
@RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
public class Level1ContactResource {

    private final Level1Contacts contacts;
    private final BeneficiaryReferences beneficiaries;
    private final CounsellorDirectory counsellors;
    private final Caller caller;

    public Level1ContactResource(Level1Contacts contacts, BeneficiaryReferences beneficiaries, Caller caller,
            CounsellorDirectory counsellors) {
        this.counsellors = counsellors;
        this.contacts = contacts;
        this.beneficiaries = beneficiaries;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a level-1 contact in the caller's structure",
            description = "Counsellors and managers. Emits Level1ContactRecorded, and Level1ContactRouted when the "
                    + "person was routed to another CEP operator.")
    @RequestBody(content = @Content(schema = @Schema(implementation = Level1ContactRequest.class), examples = {
            @ExampleObject(name = "anonymous-phone-call", summary = "Anonymous call, no routing",
                    value = "{\"contactDate\":\"2016-03-14\",\"channel\":\"PHONE\",\"request\":\"CPF_INFORMATION\","
                            + "\"liaisonSheetIssued\":false}"),
            @ExampleObject(name = "routed-with-liaison-sheet", summary = "Registered person routed to an OPACIF",
                    value = "{\"contactDate\":\"2016-03-14\",\"channel\":\"ON_SITE\",\"request\":\"CEP_INFORMATION\","
                            + "\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"counsellorId\":\""
                            + ExampleIds.COUNSELLOR + "\",\"routedTo\":\"OPACIF\",\"liaisonSheetIssued\":true}")}))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = Level1ContactResponse.class), examples = @ExampleObject(name = "routed",
            value = "{\"id\":\"a3c1e2f4-1111-4a2b-9c3d-000000000001\",\"structureId\":\"" + ExampleIds.STRUCTURE + "\","
                    + "\"counsellorId\":\"" + ExampleIds.COUNSELLOR + "\",\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY
                    + "\",\"contactDate\":\"2016-03-14\",\"channel\":\"ON_SITE\",\"request\":\"CEP_INFORMATION\","
                    + "\"routedTo\":\"OPACIF\",\"liaisonSheetIssued\":true,"
                    + "\"liaisonSheet\":\"/api/v1/cep/liaison-sheets/a3c1e2f4-1111-4a2b-9c3d-000000000001\"}")))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(examples = @ExampleObject(name = "liaison-sheet-without-routing",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"routedTo: a fiche de liaison goes to the CEP operator the person is "
                    + "routed to: name it\",\"violations\":[{\"field\":\"routedTo\",\"message\":\"a fiche de liaison "
                    + "goes to the CEP operator the person is routed to: name it\"}]}")))
    @APIResponse(responseCode = "404", ref = CommonProblemResponses.UNKNOWN_REFERENCE)
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public RestResponse<Level1ContactResponse> record(@Valid @NotNull Level1ContactRequest request, @Context UriInfo uri) {
        UUID structure = caller.ownStructure();
        beneficiaries.require(request.beneficiaryId(), structure);
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        Level1Contact contact = contacts.record(new Level1Contacts.NewContact(structure, counsellor,
                request.beneficiaryId(), request.contactDate(), request.channel(),
                request.request(), request.routedTo(), request.liaisonSheetIssued(), caller.name()));
        return Created.at(uri, contact.id(), Level1ContactResponse.of(contact));
    }

    @GET
    @Operation(summary = "List the level-1 contacts of the caller's structure", description = "Newest first.")
    public Page<Level1ContactResponse> list(
            @QueryParam("beneficiaryId") UUID beneficiaryId,
            @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageRequest paging) {
        Page<Level1Contact> found = contacts.list(new Level1Contacts.Filter(caller.ownStructure(), beneficiaryId, from, to),
                paging.page(), paging.size());
        return found.map(Level1ContactResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a level-1 contact of the caller's structure")
    public Level1ContactResponse get(@PathParam("id") UUID id) {
        Level1Contact contact = contacts.get(caller.ownStructure(), id);
        // an anonymous contact names nobody: nothing to trace
        beneficiaries.traceReadIfErased(contact.beneficiaryId(), "level1-contact", id);
        return Level1ContactResponse.of(contact);
    }
}
