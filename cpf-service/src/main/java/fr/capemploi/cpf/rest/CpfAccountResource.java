package fr.capemploi.cpf.rest;
import fr.capemploi.platform.rest.CommonProblemResponses;
import org.jboss.resteasy.reactive.ResponseStatus;

import fr.capemploi.platform.idempotency.Idempotent;
import static fr.capemploi.cpf.rest.ApiExamples.ACCOUNT;
import static fr.capemploi.cpf.rest.ApiExamples.CONFLICT;
import static fr.capemploi.cpf.rest.ApiExamples.CONSENT_RESPONSE;

import fr.capemploi.cpf.service.BeneficiaryReferences;
import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.cpf.service.BeneficiaryReferences.Reference;
import fr.capemploi.cpf.service.CpfSteps;
import fr.capemploi.cpf.service.CpfSteps.AccountView;
import fr.capemploi.platform.problem.Problem;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CPF steps of one beneficiary. Writes name a beneficiary of the caller's structure; one just created in the
 * registry is waited for a few seconds (its registration event may not have arrived yet) before a 404
 * {@code unknown-reference} problem naming {@code beneficiaryId}, as every service answers it.
 */
@Path("/api/v1/cpf/accounts/{beneficiaryId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CPF accounts", description = "CPF steps per beneficiary: presentation, opening, consent, balance")
@APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad-date",
        value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"presentedOn: must be a date (YYYY-MM-DD), got \\\"tomorrow\\\"\","
                + "\"violations\":[{\"field\":\"presentedOn\",\"message\":\"must be a date (YYYY-MM-DD), got "
                + "\\\"tomorrow\\\"\"}]}")))
@APIResponse(responseCode = "404", ref = CommonProblemResponses.UNKNOWN_REFERENCE)
@RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
public class CpfAccountResource {

    private final CpfSteps steps;
    private final BeneficiaryReferences references;
    private final Caller caller;
    private final CounsellorDirectory counsellors;

    public CpfAccountResource(CpfSteps steps, BeneficiaryReferences references, Caller caller,
            CounsellorDirectory counsellors) {
        this.counsellors = counsellors;
        this.steps = steps;
        this.references = references;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The CPF steps recorded for a beneficiary of the caller's structure",
            description = "A known beneficiary with no step yet is answered with empty steps. Reads do not wait for "
                    + "a registration.")
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(
            schema = @Schema(implementation = AccountResponse.class),
            examples = @ExampleObject(name = "consent-given", value = ACCOUNT)))
    public AccountResponse get(@PathParam("beneficiaryId") UUID beneficiaryId) {
        AccountView view = steps.view(beneficiaryId);
        caller.checkAccess(view.structureId(), "CPF account", beneficiaryId);
        // an erased person's steps are still served to the structure's staff; the read goes to their access log
        references.traceReadIfErased(beneficiaryId, "cpf-account", beneficiaryId);
        return AccountResponse.of(view);
    }

    @PUT
    @Path("/presentation")
    @Operation(summary = "Record that the CPF was presented to the beneficiary",
            description = "Emits CpfPresented. The earliest date is kept: a later presentation changes nothing and "
                    + "publishes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "presented",
            value = "{\"presentedOn\":\"2016-05-02\"}")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(
            schema = @Schema(implementation = AccountResponse.class),
            examples = @ExampleObject(name = "presented", value = ACCOUNT)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public AccountResponse present(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull AccountRequests.Presentation request) {
        return AccountResponse.of(steps.present(beneficiary(beneficiaryId), request.presentedOn(),
                counsellor(request.counsellorId())));
    }

    @PUT
    @Path("/opening-assistance")
    @Operation(summary = "Record the opening of the CPF account: assisted by the counsellor, or found already open",
            description = "Emits CpfAccountOpeningAssisted or CpfAccountAlreadyOpen. The same step again keeps its "
                    + "earliest date; the other step replaces it (a correction).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "assisted", value = "{\"step\":\"ASSISTED\",\"on\":\"2016-05-02\"}"),
            @ExampleObject(name = "already-open", value = "{\"step\":\"ALREADY_OPEN\",\"on\":\"2016-05-02\"}")}))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(
            schema = @Schema(implementation = AccountResponse.class),
            examples = @ExampleObject(name = "assisted", value = ACCOUNT)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public AccountResponse recordOpening(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull AccountRequests.Opening request) {
        return AccountResponse.of(steps.recordOpening(beneficiary(beneficiaryId), request.step(), request.on(),
                counsellor(request.counsellorId())));
    }

    @POST
    @Idempotent
    @Path("/consents")
    @Operation(summary = "Record the beneficiary's express consent to mobilise the CPF",
            description = "Emits CpfConsentGiven. One consent is in force at a time: 409 while one is.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "signed-letter",
            value = "{\"givenOn\":\"2016-05-17\",\"modality\":\"SIGNED_STANDARD_LETTER\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = AccountResponse.ConsentResponse.class),
            examples = @ExampleObject(name = "given", value = CONSENT_RESPONSE)))
    @APIResponse(responseCode = "409", description = "A consent is already in force", content = @Content(
            examples = @ExampleObject(name = "already-given", value = CONFLICT)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    @ResponseStatus(201)
    public AccountResponse.ConsentResponse giveConsent(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull AccountRequests.Consent request) {
        var consent = steps.giveConsent(beneficiary(beneficiaryId), request.givenOn(), request.modality(),
                counsellor(request.counsellorId()));
        return AccountResponse.ConsentResponse.of(consent);
    }

    @POST
    @Idempotent
    @Path("/consents/withdrawal")
    @Operation(summary = "Record the withdrawal of the consent in force",
            description = "Emits CpfConsentWithdrawn. 409 when no consent is in force; the withdrawal date must not "
                    + "be before the consent's date.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdrawn",
            value = "{\"withdrawnOn\":\"2016-09-01\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(
            schema = @Schema(implementation = AccountResponse.ConsentResponse.class),
            examples = @ExampleObject(name = "withdrawn", value = "{\"id\":\"" + ApiExamples.CONSENT + "\","
                    + "\"givenOn\":\"2016-05-17\",\"modality\":\"SIGNED_STANDARD_LETTER\","
                    + "\"withdrawnOn\":\"2016-09-01\"}")))
    @APIResponse(responseCode = "409", description = "No consent in force")
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public AccountResponse.ConsentResponse withdrawConsent(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull AccountRequests.Withdrawal request) {
        return AccountResponse.ConsentResponse.of(steps.withdrawConsent(beneficiary(beneficiaryId),
                request.withdrawnOn(), counsellor(request.counsellorId())));
    }

    @PUT
    @Path("/balance")
    @Operation(summary = "Record the CPF balance read with the beneficiary, as at a date",
            description = "Emits CpfBalanceRecorded. HOURS for a date before 1 January 2019, EUROS from then on. "
                    + "Readings are kept as a history; the latest date is the account's balance.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "euros", value = "{\"unit\":\"EUROS\",\"amount\":1440.00,\"asOf\":\"2019-05-02\"}"),
            @ExampleObject(name = "hours", value = "{\"unit\":\"HOURS\",\"amount\":24,\"asOf\":\"2016-05-02\"}")}))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(
            schema = @Schema(implementation = AccountResponse.class),
            examples = @ExampleObject(name = "recorded", value = ACCOUNT)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public AccountResponse recordBalance(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull AccountRequests.Balance request) {
        return AccountResponse.of(steps.recordBalance(beneficiary(beneficiaryId), request.unit(), request.amount(),
                request.asOf(), counsellor(request.counsellorId())));
    }

    /**
     * The counsellor named in the body, else the one of the token (claim counsellor_id), checked after the beneficiary
     * of the path (whose 404 comes first).
     */
    private UUID counsellor(UUID counsellorId) {
        return counsellors.requireActing(caller, counsellorId);
    }

    private Reference beneficiary(UUID beneficiaryId) {
        return references.requireForWrite(beneficiaryId, caller.ownStructure());
    }
}
