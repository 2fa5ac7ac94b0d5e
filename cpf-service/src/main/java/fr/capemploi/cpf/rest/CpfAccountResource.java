package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.domain.CpfAccount;
import fr.capemploi.cpf.service.CpfSteps;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cpf/accounts/{beneficiaryId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CPF accounts", description = "CPF steps per beneficiary")
public class CpfAccountResource {

    private final CpfSteps steps;
    private final Caller caller;

    public CpfAccountResource(CpfSteps steps, Caller caller) {
        this.steps = steps;
        this.caller = caller;
    }

    @Schema(name = "CpfPresentationRequest")
    public record PresentationRequest(
            @NotNull @PastOrPresent @Schema(examples = "2016-05-02") LocalDate presentedOn,
            UUID counsellorId) {
    }

    @Schema(name = "CpfAccount")
    public record AccountResponse(UUID beneficiaryId, UUID structureId, LocalDate presentedOn) {
        static AccountResponse of(CpfAccount account) {
            return new AccountResponse(account.beneficiaryId(), account.structureId(), account.presentedOn());
        }
    }

    @PUT
    @Path("/presentation")
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Record that the CPF was presented to the beneficiary", description = "Emits CpfPresented.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "presented",
            value = "{\"presentedOn\":\"2016-05-02\"}")))
    public AccountResponse present(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull PresentationRequest request) {
        return AccountResponse.of(steps.present(beneficiaryId, caller.ownStructure(), request.presentedOn(),
                request.counsellorId()));
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "The CPF steps recorded for a beneficiary of the caller's structure")
    public AccountResponse get(@PathParam("beneficiaryId") UUID beneficiaryId) {
        CpfAccount account = steps.get(beneficiaryId);
        caller.checkAccess(account.structureId(), "CPF account", beneficiaryId);
        return AccountResponse.of(account);
    }
}
