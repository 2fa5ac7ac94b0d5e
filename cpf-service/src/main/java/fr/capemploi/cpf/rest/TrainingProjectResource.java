package fr.capemploi.cpf.rest;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import fr.capemploi.platform.rest.CommonProblemResponses;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;

import fr.capemploi.platform.idempotency.Idempotent;
import static fr.capemploi.cpf.rest.ApiExamples.CONFLICT;
import static fr.capemploi.cpf.rest.ApiExamples.CONSENT_MISSING;
import static fr.capemploi.cpf.rest.ApiExamples.FUNDING_LINE;
import static fr.capemploi.cpf.rest.ApiExamples.NOT_FOUND;
import static fr.capemploi.cpf.rest.ApiExamples.PROJECT_COMPLETED;
import static fr.capemploi.cpf.rest.ApiExamples.PROJECT_NOT_IMPLEMENTED;
import static fr.capemploi.cpf.rest.ApiExamples.PROJECT_REQUEST;
import static fr.capemploi.cpf.rest.ApiExamples.PROJECT_RESPONSE;
import static fr.capemploi.cpf.rest.ApiExamples.PROJECT_STARTED;
import static fr.capemploi.cpf.rest.ApiExamples.VALIDATION;

import fr.capemploi.cpf.domain.TrainingProject;
import fr.capemploi.cpf.domain.TrainingStatus;
import fr.capemploi.cpf.service.BeneficiaryReferences;
import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.cpf.service.BeneficiaryReferences.Reference;
import fr.capemploi.cpf.service.TrainingProjects;
import fr.capemploi.cpf.service.TrainingProjects.AssessedProject;
import fr.capemploi.cpf.service.TrainingProjects.Requested;
import fr.capemploi.events.cpf.TrainingNotImplemented.Reason;
import fr.capemploi.events.cpf.TrainingProjectCreated.CertificationKind;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Training projects of the caller's structure, their funding plans and outcomes. Another structure's project is
 * answered 404, as if it did not exist.
 */
@Path("/api/v1/cpf/training-projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Training projects", description = "Training projects, funding plans, risk warnings and outcomes")
@RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
public class TrainingProjectResource {

    private static final String RNCP_CODE = "^RNCP[0-9]{1,6}$";
    private static final String RS_CODE = "^RS[0-9]{1,6}$";

    private final TrainingProjects projects;
    private final BeneficiaryReferences references;
    private final Caller caller;
    private final CounsellorDirectory counsellors;

    public TrainingProjectResource(TrainingProjects projects, BeneficiaryReferences references, Caller caller,
            CounsellorDirectory counsellors) {
        this.counsellors = counsellors;
        this.projects = projects;
        this.references = references;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @Operation(summary = "Create a training project for a beneficiary of the caller's structure",
            description = "Emits TrainingProjectCreated (without title nor training body: free text stays here). "
                    + "A beneficiary just created in the registry is waited for a few seconds; then 404 "
                    + "unknown-reference naming beneficiaryId (or counsellorId).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "secretary", value = PROJECT_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created, with its plan assessed", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.class),
            examples = @ExampleObject(name = "secretary", value = PROJECT_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(
            examples = @ExampleObject(name = "negative-cost", value = VALIDATION)))
    @APIResponse(responseCode = "404", ref = CommonProblemResponses.UNKNOWN_REFERENCE)
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public RestResponse<TrainingProjectResponse> create(@Valid @NotNull TrainingProjectRequests.Create request, @Context UriInfo uri) {
        validate(request);
        UUID structure = caller.ownStructure();
        Reference beneficiary = references.requireForWrite(request.beneficiaryId(), structure);
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        AssessedProject created = projects.create(beneficiary, new TrainingProject.Definition(request.beneficiaryId(),
                structure, request.accompanimentId(), counsellor, request.title().strip(),
                request.certification().kind(), request.certification().code(), request.eligibilityList(),
                request.eligibilityRegion(), request.trainingBody().name().strip(), request.trainingBody().siret(),
                request.startDate(), request.endDate(), request.hours(), request.cost()), caller.name());
        return Created.at(uri, created.project().id(), TrainingProjectResponse.of(created));
    }

    @GET
    @Operation(summary = "List the training projects of the caller's structure, newest first")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(examples = @ExampleObject(
            name = "one-project", value = "{\"items\":[" + PROJECT_RESPONSE + "],\"total\":1,\"page\":0,\"size\":20}")))
    public Page<TrainingProjectResponse> list(
            @QueryParam("beneficiaryId") UUID beneficiaryId,
            @QueryParam("status") TrainingStatus status,
            @Valid @BeanParam PageRequest paging) {
        Page<AssessedProject> found = projects.list(caller.ownStructure(), beneficiaryId, status, paging.page(),
                paging.size());
        return found.map(TrainingProjectResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a training project with its funding plan, derived figures and risk warnings")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.class),
            examples = @ExampleObject(name = "secretary", value = PROJECT_RESPONSE)))
    @APIResponse(responseCode = "404", description = "No such project in the caller's structure", content = @Content(
            examples = @ExampleObject(name = "not-found", value = NOT_FOUND)))
    public TrainingProjectResponse get(@PathParam("id") UUID id) {
        TrainingProjects.AssessedProject found = projects.get(caller.ownStructure(), id);
        // an erased person's project is still served to the structure's staff; the read goes to their access log
        references.traceReadIfErased(found.project().beneficiaryId(), "training-project", id);
        return TrainingProjectResponse.of(found);
    }

    @POST
    @Idempotent
    @Path("/{id}/funding-requests")
    @Operation(summary = "Add a funding request (a line of the plan) to a planned project",
            description = "Emits FundingRequested. One standing line per funder (409 otherwise); the amount must not "
                    + "exceed the cost; cpfHours only on a CPF line. Answers the line and the plan re-assessed.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "agefiph", value = "{\"funder\":\"AGEFIPH\",\"amount\":4470.50,"
                    + "\"requestedOn\":\"2016-05-23\"}"),
            @ExampleObject(name = "cpf-hours", value = "{\"funder\":\"CPF\",\"amount\":360.00,\"cpfHours\":24,"
                    + "\"requestedOn\":\"2016-05-23\"}")}))
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.FundingLineResponse.class),
            examples = @ExampleObject(name = "requested", value = FUNDING_LINE)))
    @APIResponse(responseCode = "409", description = "Project not planned any more, or a standing line of that funder")
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    @ResponseStatus(201)
    public TrainingProjectResponse.FundingLineResponse requestFunding(@PathParam("id") UUID id, @Valid @NotNull TrainingProjectRequests.Funding request) {
        Requested requested = projects.requestFunding(caller.ownStructure(), id, request.funder(), request.amount(),
                request.cpfHours(), request.requestedOn());
        return line(requested);
    }

    @POST
    @Idempotent
    @Path("/{id}/funding-requests/{requestId}/decision")
    @Operation(summary = "Record a funder's answer to a request, or its withdrawal",
            description = "Emits FundingDecided with the response delay and whether the plan now combines the CPF "
                    + "with another funder. A decision is final (409 when repeated).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "partly-granted", value = "{\"decision\":\"PARTLY_GRANTED\",\"grantedAmount\":3000.00,"
                    + "\"answeredOn\":\"2016-07-04\"}"),
            @ExampleObject(name = "refused", value = "{\"decision\":\"REFUSED\",\"refusalReason\":\"COST_TOO_HIGH\","
                    + "\"answeredOn\":\"2016-07-04\"}")}))
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.FundingLineResponse.class),
            examples = @ExampleObject(name = "decided", value = FUNDING_LINE)))
    @APIResponse(responseCode = "409", description = "Already decided")
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public TrainingProjectResponse.FundingLineResponse decide(@PathParam("id") UUID id,
            @PathParam("requestId") UUID requestId, @Valid @NotNull TrainingProjectRequests.Decided request) {
        return line(projects.decide(caller.ownStructure(), id, requestId, request.decision(), request.grantedAmount(),
                request.refusalReason(), request.comment() == null ? null : request.comment().strip(),
                request.answeredOn()));
    }

    @POST
    @Idempotent
    @Path("/{id}/start")
    @Operation(summary = "Record that the training started",
            description = "Emits TrainingStarted. When a standing CPF line funds it, the beneficiary's consent to "
                    + "mobilise the CPF must be in force on the start date: 409 cpf-consent-missing otherwise.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "started", value = "{\"startedOn\":\"2016-09-12\"}")))
    @APIResponse(responseCode = "200", description = "Started", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.class),
            examples = @ExampleObject(name = "started", value = PROJECT_STARTED)))
    @APIResponse(responseCode = "409", description = "Not planned, or CPF consent missing", content = @Content(
            examples = {
            @ExampleObject(name = "consent-missing", value = CONSENT_MISSING),
            @ExampleObject(name = "already-started", value = CONFLICT)}))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public TrainingProjectResponse start(@PathParam("id") UUID id, @Valid @NotNull TrainingProjectRequests.Start request) {
        return TrainingProjectResponse.of(projects.start(caller.ownStructure(), id, request.startedOn()));
    }

    @POST
    @Idempotent
    @Path("/{id}/complete")
    @Operation(summary = "Record that the training was completed", description = "Emits TrainingCompleted. Only a "
            + "started training completes, not before its start.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "certified",
            value = "{\"completedOn\":\"2017-03-31\",\"certificationObtained\":true}")))
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.class),
            examples = @ExampleObject(name = "certified", value = PROJECT_COMPLETED)))
    @APIResponse(responseCode = "409", description = "Not started")
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public TrainingProjectResponse complete(@PathParam("id") UUID id,
            @Valid @NotNull TrainingProjectRequests.Completion request) {
        return TrainingProjectResponse.of(projects.complete(caller.ownStructure(), id, request.completedOn(),
                request.certificationObtained()));
    }

    @POST
    @Idempotent
    @Path("/{id}/not-implemented")
    @Operation(summary = "Record that a planned training will not take place, with its reasons",
            description = "Emits TrainingNotImplemented (indicator 8). Only a planned project; reasons are distinct.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "no-funding", value = "{\"decidedOn\":"
            + "\"2016-08-30\",\"reasons\":[\"NO_AIF_BUDGET_AND_INSUFFICIENT_CPF_HOURS\",\"SLOW_CO_FUNDING_ANSWERS\"]}")))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(
            schema = @Schema(implementation = TrainingProjectResponse.class),
            examples = @ExampleObject(name = "no-funding", value = PROJECT_NOT_IMPLEMENTED)))
    @APIResponse(responseCode = "409", description = "Not planned any more")
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public TrainingProjectResponse notImplemented(@PathParam("id") UUID id,
            @Valid @NotNull TrainingProjectRequests.NotImplemented request) {
        Set<Reason> reasons = new HashSet<>();
        for (int i = 0; i < request.reasons().size(); i++) {
            if (!reasons.add(request.reasons().get(i))) {
                throw new InvalidFieldException("reasons[" + i + "]", "is given twice");
            }
        }
        return TrainingProjectResponse.of(projects.notImplemented(caller.ownStructure(), id, request.decidedOn(),
                EnumSet.copyOf(reasons)));
    }

    private static TrainingProjectResponse.FundingLineResponse line(Requested requested) {
        return new TrainingProjectResponse.FundingLineResponse(
                TrainingProjectResponse.FundingRequestResponse.of(requested.request()),
                TrainingProjectResponse.Plan.of(requested.project().plan()));
    }

    /** Rules across fields, checked before anything is looked up or stored. */
    private static void validate(TrainingProjectRequests.Create request) {
        if (request.endDate().isBefore(request.startDate())) {
            throw new InvalidFieldException("endDate", "must not be before startDate");
        }
        boolean coparef = request.eligibilityList() == EligibilityList.COPAREF;
        if (coparef && request.eligibilityRegion() == null) {
            throw new InvalidFieldException("eligibilityRegion", "is required for a COPAREF list");
        }
        if (!coparef && request.eligibilityRegion() != null) {
            throw new InvalidFieldException("eligibilityRegion", "is only for a COPAREF list");
        }
        String code = request.certification().code();
        if (request.certification().kind() == CertificationKind.RNCP && code != null && !code.matches(RNCP_CODE)) {
            throw new InvalidFieldException("certification.code", "must be an RNCP code such as RNCP1234");
        }
        if (request.certification().kind() == CertificationKind.RS && code != null && !code.matches(RS_CODE)) {
            throw new InvalidFieldException("certification.code", "must be an RS code such as RS5678");
        }
    }
}
