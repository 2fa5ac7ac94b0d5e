package fr.capemploi.beneficiary.rest;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;
import fr.capemploi.platform.rest.Versioned;

import static fr.capemploi.beneficiary.rest.ApiExamples.ACCESS_LOG;
import static fr.capemploi.beneficiary.rest.ApiExamples.ALREADY_EXITED;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_BIRTH_DATE;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_ENUM;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_EXIT_DATE;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_NIR;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_PAGE_SIZE;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_RECORD_READ;
import static fr.capemploi.beneficiary.rest.ApiExamples.BAD_REFERENT;
import static fr.capemploi.beneficiary.rest.ApiExamples.BENEFICIARY;
import static fr.capemploi.beneficiary.rest.ApiExamples.BENEFICIARY_EXITED;
import static fr.capemploi.beneficiary.rest.ApiExamples.EXIT;
import static fr.capemploi.beneficiary.rest.ApiExamples.EXITED_NO_REFERENT;
import static fr.capemploi.beneficiary.rest.ApiExamples.GONE;
import static fr.capemploi.beneficiary.rest.ApiExamples.IDENTITY;
import static fr.capemploi.beneficiary.rest.ApiExamples.IDENTITY_GONE;
import static fr.capemploi.beneficiary.rest.ApiExamples.IF_MATCH_MISSING;
import static fr.capemploi.beneficiary.rest.ApiExamples.KEY_REUSED;
import static fr.capemploi.beneficiary.rest.ApiExamples.NIR_TAKEN;
import static fr.capemploi.beneficiary.rest.ApiExamples.PATCH_CONTACT;
import static fr.capemploi.beneficiary.rest.ApiExamples.PATCH_QUALIFICATION;
import static fr.capemploi.beneficiary.rest.ApiExamples.PATCH_REMOVE_NIR;
import static fr.capemploi.beneficiary.rest.ApiExamples.RECEIPT;
import static fr.capemploi.beneficiary.rest.ApiExamples.RECORD_READ;
import static fr.capemploi.beneficiary.rest.ApiExamples.REFERENT;
import static fr.capemploi.beneficiary.rest.ApiExamples.REFERRAL;
import static fr.capemploi.beneficiary.rest.ApiExamples.REGISTRATION;
import static fr.capemploi.beneficiary.rest.ApiExamples.SEARCH_BY_NAME;
import static fr.capemploi.beneficiary.rest.ApiExamples.SEARCH_BY_NIR;
import static fr.capemploi.beneficiary.rest.ApiExamples.SUMMARY_PAGE;
import static fr.capemploi.beneficiary.rest.ApiExamples.TOMBSTONE;

import com.fasterxml.jackson.databind.JsonNode;
import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.domain.BeneficiaryState;
import fr.capemploi.beneficiary.domain.Nir;
import fr.capemploi.beneficiary.domain.SearchKey;
import fr.capemploi.beneficiary.repository.AccessLogRepository;
import fr.capemploi.beneficiary.repository.BeneficiaryRepository;
import fr.capemploi.beneficiary.service.BeneficiaryRecord;
import fr.capemploi.beneficiary.service.BeneficiaryRegistry;
import fr.capemploi.beneficiary.service.IfMatch;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.OrientationSource;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered.StatusAtEntry;
import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.platform.problem.InvalidFieldException;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
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
 * The beneficiary registry. Counsellors and managers work on their own structure's people (another structure's
 * person is 404); partners may only refer a person and get the id back; analysts and administrators never see a
 * person (403). Every read or change of personal data is written to the access log.
 */
@Path("/api/v1/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Beneficiaries", description = "People accompanied by a structure: personal data, GDPR art. 9")
public class BeneficiaryResource {

    private final BeneficiaryRegistry registry;
    private final Caller caller;
    private final MergePatch mergePatch;

    public BeneficiaryResource(BeneficiaryRegistry registry, Caller caller, MergePatch mergePatch) {
        this.registry = registry;
        this.caller = caller;
        this.mergePatch = mergePatch;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER, Roles.PARTNER})
    @Idempotent(replay = Idempotent.Replay.CURRENT_STATE)
    @Operation(summary = "Register or refer a beneficiary", description = "Counsellors and managers register a person "
            + "in their own structure and get the full record back. Partners refer a person to the structure named in "
            + "the body, with its orientation source, and get the id only. With an Idempotency-Key, a retry of the same "
            + "request returns the first answer (header Idempotent-Replayed) instead of a duplicate person. Emits "
            + "BeneficiaryRegistered (categorical attributes only).")
    @RequestBody(content = @Content(schema = @Schema(implementation = BeneficiaryRequest.class), examples = {
            @ExampleObject(name = "registration", summary = "A counsellor registers a person of the structure",
                    value = REGISTRATION),
            @ExampleObject(name = "referral", summary = "France Travail refers a job seeker", value = REFERRAL)}))
    @APIResponse(responseCode = "201", description = "Registered (or replayed): the record for counsellors, "
            + "the id for partners", headers = {@Header(name = "ETag"), @Header(name = "Location"),
                    @Header(name = RequestHeaders.REPLAYED, description = "true when the answer is a replay")},
            content = @Content(schema = @Schema(anyOf = {BeneficiaryResponse.class, ReferralReceipt.class}), examples = {
                    @ExampleObject(name = "registered", summary = "Answer to a counsellor", value = BENEFICIARY),
                    @ExampleObject(name = "referred", summary = "Answer to a partner", value = RECEIPT)}))
    @APIResponse(responseCode = "400", description = "Invalid field(s), each named", content = @Content(
            examples = {
                    @ExampleObject(name = "bad-nir-key", value = BAD_NIR),
                    @ExampleObject(name = "future-birth-date", value = BAD_BIRTH_DATE),
                    @ExampleObject(name = "bad-enum", value = BAD_ENUM)}))
    @APIResponse(responseCode = "409", description = "NIR already registered in the structure (counsellors and "
            + "managers; a partner's duplicate referral joins the existing record and gets 201)", content = @Content(
            examples = @ExampleObject(name = "nir-taken", value = NIR_TAKEN)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another body", content = @Content(
            examples = @ExampleObject(name = "key-reused", value = KEY_REUSED)))
    public RestResponse<Object> register(@Valid @NotNull BeneficiaryRequest request, @Context UriInfo uri) {
        BeneficiaryRecord registered = registry.register(new BeneficiaryRegistry.Registration(request.structureId(),
                request.toProfile(), request.referentCounsellorId()));
        Beneficiary beneficiary = registered.beneficiary();
        Object body = referringPartner() ? new ReferralReceipt(beneficiary.id())
                : BeneficiaryResponse.of(beneficiary, registered.nir());
        return Created.at(Created.under(uri, beneficiary.id()), body,
                referringPartner() ? null : beneficiary.version());
    }

    @GET
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "List and search the structure's beneficiaries", description = "Filters combine; the name "
            + "search ignores case and accents (Hélène finds helene) and matches every word given. Ordered by last name, "
            + "first name and id: paging is stable. Erased people are never listed. Each person listed gets an "
            + "access-log entry (SEARCH). To search by NIR use POST /beneficiaries/search (no NIR in URLs).")
    @APIResponse(responseCode = "200", description = "A page of beneficiaries, with the total", content = @Content(
            schema = @Schema(implementation = BeneficiarySummary.class),
            examples = @ExampleObject(name = "found", value = SUMMARY_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(
            examples = @ExampleObject(name = "page-too-large", value = BAD_PAGE_SIZE)))
    public Page<BeneficiarySummary> list(
            @Parameter(description = "Words of the name", example = "helene") @QueryParam("name") @Size(max = 200) String name,
            @Parameter(description = "Own structure only; another gives an empty page") @QueryParam("structureId") String structureId,
            @QueryParam("referentCounsellorId") String referentCounsellorId,
            @Parameter(example = "JOB_SEEKER") @QueryParam("statusAtEntry") String statusAtEntry,
            @Parameter(description = "ACTIVE or EXITED", example = "ACTIVE") @QueryParam("state") String state,
            @Parameter(example = "POLE_EMPLOI") @QueryParam("orientationSource") String orientationSource,
            @Parameter(description = "Entry on or after", example = "2016-01-01") @QueryParam("enteredFrom") String enteredFrom,
            @Parameter(description = "Entry on or before", example = "2016-12-31") @QueryParam("enteredTo") String enteredTo,
            @Valid @BeanParam PageRequest paging) {
        BeneficiarySearch.ListedState listed = QueryValues.enumOf(BeneficiarySearch.ListedState.class, state, "state");
        BeneficiarySearch search = new BeneficiarySearch(name, null, QueryValues.uuidOf(structureId, "structureId"),
                QueryValues.uuidOf(referentCounsellorId, "referentCounsellorId"),
                QueryValues.enumOf(StatusAtEntry.class, statusAtEntry, "statusAtEntry"), listed,
                QueryValues.enumOf(OrientationSource.class, orientationSource, "orientationSource"),
                QueryValues.dateOf(enteredFrom, "enteredFrom"), QueryValues.dateOf(enteredTo, "enteredTo"),
                paging.page(), paging.size());
        return search(search);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Search beneficiaries, also by NIR", description = "The filters of GET /beneficiaries in a "
            + "body, plus the NIR (matched through a keyed hash, never decrypted).")
    @RequestBody(content = @Content(schema = @Schema(implementation = BeneficiarySearch.class), examples = {
            @ExampleObject(name = "by-nir", value = SEARCH_BY_NIR),
            @ExampleObject(name = "by-name", value = SEARCH_BY_NAME)}))
    @APIResponse(responseCode = "200", description = "A page of beneficiaries, with the total", content = @Content(
            schema = @Schema(implementation = BeneficiarySummary.class),
            examples = @ExampleObject(name = "found", value = SUMMARY_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(
            examples = @ExampleObject(name = "bad-nir-key", value = BAD_NIR)))
    public Page<BeneficiarySummary> searchByBody(@Valid @NotNull BeneficiarySearch search) {
        return search(search);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Read a beneficiary", description = "The full record, NIR included, for the structure's "
            + "counsellors and managers; logged (READ). An erased person reads as a tombstone (erased: true, no "
            + "personal field).")
    @APIResponse(responseCode = "200", description = "The beneficiary", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class), examples = {
                    @ExampleObject(name = "active", value = BENEFICIARY),
                    @ExampleObject(name = "erased", summary = "Tombstone after erasure", value = TOMBSTONE)}))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    public RestResponse<BeneficiaryResponse> get(@PathParam("id") UUID id) {
        return detail(registry.read(id));
    }

    @GET
    @Path("/{id}/identity")
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Read what a document names a beneficiary by", description = "Sex (for the civility), names and "
            + "birth date only, for documents handed to the person (cep-service's dossier de synthèse asks it with the "
            + "counsellor's own token at render time). Logged (READ) like any read of the person's data. Nothing else "
            + "of the record is given: no NIR, contact or BOE ground. 410 once the person was erased.")
    @APIResponse(responseCode = "200", description = "The identity", content = @Content(
            schema = @Schema(implementation = BeneficiaryIdentity.class),
            examples = @ExampleObject(name = "identity", value = IDENTITY)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    @APIResponse(responseCode = "410", description = "Erased: no identity left to show", content = @Content(
            examples = @ExampleObject(name = "erased", value = IDENTITY_GONE)))
    public BeneficiaryIdentity identity(@PathParam("id") UUID id) {
        return BeneficiaryIdentity.of(registry.identity(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Correct a beneficiary's profile", description = "JSON merge patch (null removes an optional "
            + "field); If-Match required (428 without it, 412 when stale). The merged profile must pass every rule of "
            + "a registration. Emits BeneficiaryProfileChanged when a categorical attribute changes; changes of names, "
            + "contact, NIR or BOE ground publish nothing.")
    @Parameter(name = RequestHeaders.IF_MATCH, in = ParameterIn.HEADER, required = true,
            description = "The ETag read with the record", example = "\"3\"")
    @RequestBody(content = @Content(schema = @Schema(implementation = BeneficiaryChanges.class), examples = {
            @ExampleObject(name = "qualification", summary = "A qualification obtained", value = PATCH_QUALIFICATION),
            @ExampleObject(name = "contact", summary = "New phone, address removed", value = PATCH_CONTACT),
            @ExampleObject(name = "remove-nir", value = PATCH_REMOVE_NIR)}))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class),
                    examples = @ExampleObject(name = "changed", value = BENEFICIARY)))
    @APIResponse(responseCode = "400", description = "Invalid field(s), each named", content = @Content(
            examples = {
                    @ExampleObject(name = "bad-nir-key", value = BAD_NIR),
                    @ExampleObject(name = "bad-enum", value = BAD_ENUM)}))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "NIR already registered, or concurrent change", content = @Content(
            examples = @ExampleObject(name = "nir-taken", value = NIR_TAKEN)))
    @APIResponse(responseCode = "410", ref = RegistryResponses.BENEFICIARY_GONE)
    @APIResponse(responseCode = "412", ref = RegistryResponses.BENEFICIARY_STALE)
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(
            examples = @ExampleObject(name = "if-match-missing", value = IF_MATCH_MISSING)))
    public RestResponse<BeneficiaryResponse> change(@PathParam("id") UUID id, JsonNode patch,
            @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        BeneficiaryRecord changed = registry.change(id, IfMatch.parse(ifMatch), current -> mergePatch.apply(
                BeneficiaryChanges.of(current), patch, BeneficiaryChanges.class).toProfile());
        return detail(changed);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Erase a beneficiary (right to be forgotten)", description = "GDPR erasure requests go "
            + "through the structure's manager, who alone may erase. Names, birth date, NIR, France Travail id, contact "
            + "and BOE ground are wiped; the tombstone keeps the pseudonymous attributes events already carried, the "
            + "consents and the access log. Emits BeneficiaryErased. If-Match optional.")
    @Parameter(name = RequestHeaders.IF_MATCH, in = ParameterIn.HEADER, required = false, example = "\"3\"")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    @APIResponse(responseCode = "410", description = "Already erased", content = @Content(
            examples = @ExampleObject(name = "erased", value = GONE)))
    @APIResponse(responseCode = "412", ref = RegistryResponses.BENEFICIARY_STALE)
    public Response erase(@PathParam("id") UUID id, @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        registry.erase(id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/referent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Assign the referent counsellor", description = "The counsellor must belong to the "
            + "beneficiary's structure and be active on the assignment day. Emits ReferentAssigned (nothing when the "
            + "referent does not change). If-Match optional.")
    @Parameter(name = RequestHeaders.IF_MATCH, in = ParameterIn.HEADER, required = false, example = "\"3\"")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReferentRequest.class),
            examples = @ExampleObject(name = "referent", value = REFERENT)))
    @APIResponse(responseCode = "200", description = "Assigned", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class),
                    examples = @ExampleObject(name = "assigned", value = BENEFICIARY)))
    @APIResponse(responseCode = "400", description = "Not a counsellor of the structure, or inactive", content = @Content(
            examples = @ExampleObject(name = "other-structure-counsellor", value = BAD_REFERENT)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The person has exited", content = @Content(
            examples = @ExampleObject(name = "exited", value = EXITED_NO_REFERENT)))
    @APIResponse(responseCode = "410", ref = RegistryResponses.BENEFICIARY_GONE)
    @APIResponse(responseCode = "412", ref = RegistryResponses.BENEFICIARY_STALE)
    public RestResponse<BeneficiaryResponse> assignReferent(@PathParam("id") UUID id, @Valid @NotNull ReferentRequest request,
            @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        return detail(registry.assignReferent(id, IfMatch.parse(ifMatch), request.counsellorId(), request.assignedOn()));
    }

    @POST
    @Path("/{id}/exit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Idempotent(replay = Idempotent.Replay.CURRENT_STATE)
    @Operation(summary = "Record the exit", description = "Exit date not before the entry date, reason from the "
            + "list; a second exit is 409, except the retry of the same request with the same Idempotency-Key, which "
            + "answers the record as it is now (header Idempotent-Replayed). Emits BeneficiaryExited. If-Match optional.")
    @Parameter(name = RequestHeaders.IF_MATCH, in = ParameterIn.HEADER, required = false, example = "\"3\"")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExitRequest.class),
            examples = @ExampleObject(name = "sustainable-job", value = EXIT)))
    @APIResponse(responseCode = "200", description = "Exited", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = BeneficiaryResponse.class),
                    examples = @ExampleObject(name = "exited", value = BENEFICIARY_EXITED)))
    @APIResponse(responseCode = "400", description = "Exit before entry, future date, unknown reason", content = @Content(
            examples = @ExampleObject(name = "exit-before-entry", value = BAD_EXIT_DATE)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already exited", content = @Content(
            examples = @ExampleObject(name = "already-exited", value = ALREADY_EXITED)))
    @APIResponse(responseCode = "410", ref = RegistryResponses.BENEFICIARY_GONE)
    @APIResponse(responseCode = "412", ref = RegistryResponses.BENEFICIARY_STALE)
    public RestResponse<BeneficiaryResponse> exit(@PathParam("id") UUID id, @Valid @NotNull ExitRequest request,
            @HeaderParam(RequestHeaders.IF_MATCH) String ifMatch) {
        return detail(registry.exit(id, IfMatch.parse(ifMatch), request.exitDate(), request.reason()));
    }

    @GET
    @Path("/{id}/access-log")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Who read or changed the person's data", description = "Newest first. The structure's "
            + "manager only (DOMAIN: managers read it; administrators manage the directory, not people).")
    @APIResponse(responseCode = "200", description = "A page of access-log entries", content = @Content(
            schema = @Schema(implementation = AccessLogEntryResponse.class),
            examples = @ExampleObject(name = "log", value = ACCESS_LOG)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    public Page<AccessLogEntryResponse> accessLog(@PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        AccessLogRepository.Slice found = registry.accessLogOf(id, page, size);
        return new Page<>(found.items().stream().map(AccessLogEntryResponse::of).toList(), found.total(), page, size);
    }

    @POST
    @Path("/{id}/access-log")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
    @Operation(summary = "Trace a read of one of the person's records served by another service", description = "Called "
            + "by cep-service and cpf-service with the reader's own token when they serve a record of an erased "
            + "person, so that the person's one access log (GET on this path) shows who read what (RECORD_READ, with "
            + "service/kind/id). Taken for erased people too: that is what it is for. 204, nothing to read back.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RecordReadRequest.class),
            examples = @ExampleObject(name = "accompaniment-read", value = RECORD_READ)))
    @APIResponse(responseCode = "204", description = "Traced")
    @APIResponse(responseCode = "400", description = "Missing or malformed service, kind or record id", content = @Content(
            examples = @ExampleObject(name = "free-text-kind", value = BAD_RECORD_READ)))
    @APIResponse(responseCode = "404", ref = RegistryResponses.BENEFICIARY_NOT_FOUND)
    public void recordRead(@PathParam("id") UUID id, @Valid @NotNull RecordReadRequest request) {
        registry.recordReadElsewhere(id, request.record());
    }

    private Page<BeneficiarySummary> search(BeneficiarySearch search) {
        if (search.enteredFrom() != null && search.enteredTo() != null && search.enteredTo().isBefore(search.enteredFrom())) {
            throw new InvalidFieldException("enteredTo", "must not be before enteredFrom");
        }
        int page = search.page() == null ? 0 : search.page();
        int size = search.size() == null ? 20 : search.size();
        BeneficiaryState state = search.state() == null ? null : BeneficiaryState.valueOf(search.state().name());
        BeneficiaryRepository.Criteria criteria = new BeneficiaryRepository.Criteria(search.structureId(),
                search.referentCounsellorId(), search.statusAtEntry(), state, search.orientationSource(),
                search.enteredFrom(), search.enteredTo(), SearchKey.words(search.name()), null);
        Nir nir = search.nir() == null ? null : Nir.parse(search.nir());
        Page<Beneficiary> found = registry.search(criteria, nir, page, size);
        return found.map(BeneficiarySummary::of);
    }

    private static RestResponse<BeneficiaryResponse> detail(BeneficiaryRecord record) {
        return Versioned.ok(BeneficiaryResponse.of(record.beneficiary(), record.nir()), record.beneficiary().version());
    }

    private boolean referringPartner() {
        return caller.hasRole(Roles.PARTNER) && !caller.isStructureBound();
    }
}
