package fr.capemploi.cep.rest;

import fr.capemploi.platform.rest.ExampleIds;
import fr.capemploi.cep.service.Documents;
import fr.capemploi.cep.service.LiaisonSheet;
import fr.capemploi.platform.rest.CommonProblemResponses;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cep/liaison-sheets")
@Tag(name = "Documents", description = "Fiche de liaison and dossier de synthèse, as PDF (default) or JSON")
public class LiaisonSheetResource {

    private final Documents documents;
    private final Caller caller;
    private final Clock clock;

    public LiaisonSheetResource(Documents documents, Caller caller, Clock clock) {
        this.documents = documents;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/{contactId}")
    @Produces({DocumentFormats.PDF, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Download the fiche de liaison of a level-1 contact",
            description = "Accept: application/pdf (default) gives the French PDF sent to the operator the person is "
                    + "routed to; Accept: application/json the same content as data. The structure and the counsellor are "
                    + "named as beneficiary-service names them, read at the time of the request with the caller's token; "
                    + "the person is not on the sheet (their identity travels separately). 404 when the contact issued "
                    + "no liaison sheet, or is of another structure; 503 when beneficiary-service does not answer.")
    @APIResponse(responseCode = "200", description = "The fiche de liaison", content = {
            @Content(mediaType = DocumentFormats.PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiaisonSheet.class),
                    examples = @ExampleObject(name = "routed-to-opacif", value = "{\"contactId\":"
                            + "\"a3c1e2f4-1111-4a2b-9c3d-000000000001\",\"contactDate\":\"2016-03-14\",\"structure\":{"
                            + "\"id\":\"" + ExampleIds.STRUCTURE + "\",\"code\":\"075\",\"name\":\"Cap emploi Paris\","
                            + "\"regionName\":\"Île-de-France\",\"department\":\"75\"},"
                            + "\"counsellor\":{\"id\":\"" + ExampleIds.COUNSELLOR + "\",\"displayName\":"
                            + "\"Claire Dupont\"},"
                            + "\"beneficiaryId\":null,\"anonymous\":true,\"channel\":\"PHONE\",\"channelLabel\":"
                            + "\"Téléphone\",\"request\":\"CEP_INFORMATION\",\"requestLabel\":\"Information sur le "
                            + "conseil en évolution professionnelle (CEP)\",\"routedTo\":\"OPACIF\",\"routedToLabel\":"
                            + "\"OPACIF (Fongecif)\"}"))})
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public Response liaisonSheet(@PathParam("contactId") UUID contactId, @Context HttpHeaders headers) {
        LiaisonSheet sheet = documents.liaisonSheet(contactId, caller.ownStructure());
        return DocumentFormats.answer(headers, sheet, PdfDocuments::liaisonSheet, clock,
                "fiche-de-liaison-" + contactId + ".pdf");
    }
}
