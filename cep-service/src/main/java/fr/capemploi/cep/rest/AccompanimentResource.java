package fr.capemploi.cep.rest;
import fr.capemploi.platform.rest.ExampleIds;
import jakarta.ws.rs.BeanParam;
import fr.capemploi.platform.rest.PageRequest;
import fr.capemploi.platform.rest.CommonProblemResponses;
import org.jboss.resteasy.reactive.RestResponse;
import fr.capemploi.platform.rest.Created;

import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.cep.domain.Accompaniment;
import fr.capemploi.cep.domain.ActionSpec;
import fr.capemploi.cep.domain.Interview;
import fr.capemploi.cep.domain.PlannedAction;
import fr.capemploi.cep.rest.AccompanimentResponses.ActionView;
import fr.capemploi.cep.rest.AccompanimentResponses.Full;
import fr.capemploi.cep.rest.AccompanimentResponses.InterviewView;
import fr.capemploi.cep.rest.AccompanimentResponses.Summary;
import fr.capemploi.cep.service.Accompaniments;
import fr.capemploi.cep.service.BeneficiaryReferences;
import fr.capemploi.cep.service.TrainingProjectReferences;
import fr.capemploi.platform.directory.CounsellorDirectory;
import fr.capemploi.events.cep.ActionPlanned.ActionKind;
import fr.capemploi.cep.service.Documents;
import fr.capemploi.cep.service.SynthesisDossier;
import fr.capemploi.platform.rest.Page;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cep/accompaniments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accompaniments", description = "CEP levels 2 and 3: level changes, CEP information, interviews, action "
        + "plan, synthesis and closure. Counsellors and managers of the accompaniment's structure only; another "
        + "structure's accompaniment is answered 404. A closed accompaniment accepts no change (409).")
@RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER})
public class AccompanimentResource {

    private static final String FULL_EXAMPLE = "{\"id\":\"" + Examples.ACCOMPANIMENT + "\",\"structureId\":\""
            + ExampleIds.STRUCTURE + "\",\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"diagnosticId\":\""
            + Examples.DIAGNOSTIC + "\",\"referentCounsellorId\":\"" + ExampleIds.COUNSELLOR + "\",\"level\":3,"
            + "\"capEmploiService\":\"TRAINING_PROJECT\",\"startDate\":\"2016-02-29\",\"status\":\"OPEN\","
            + "\"serviceCorrespondence\":{\"workAxis\":\"TRAINING_PROJECT\",\"capEmploiService\":\"TRAINING_PROJECT\","
            + "\"cep\":true,\"cepLevel\":3,\"explanation\":\"A training project leads to the Cap emploi service "
            + "'définition, mise en œuvre et suivi d'un projet de formation', which is CEP level 3 (accompagnement à "
            + "la mise en œuvre)\"},\"cepInformation\":null,\"levelChanges\":[],\"interviews\":[],\"actions\":[],"
            + "\"synthesis\":null,\"closure\":null}";
    private static final String NOT_CEP = "{\"type\":\"https://cepcpf.capemploi.fr/problems/illegal-transition\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"diagnosticId: Removing disability-related barriers "
            + "('levée des freins liés au handicap') is not CEP: working on a professional project is not yet possible; "
            + "no CEP accompaniment can be opened from this diagnostic\",\"violations\":[{\"field\":\"diagnosticId\","
            + "\"message\":\"Removing disability-related barriers ('levée des freins liés au handicap') is not CEP: "
            + "working on a professional project is not yet possible; no CEP accompaniment can be opened from this "
            + "diagnostic\"}]}";

    private final Accompaniments accompaniments;
    private final BeneficiaryReferences beneficiaries;
    private final CounsellorDirectory counsellors;
    private final TrainingProjectReferences projects;
    private final Documents documents;
    private final Caller caller;
    private final Clock clock;

    public AccompanimentResource(Accompaniments accompaniments, BeneficiaryReferences beneficiaries, Documents documents,
            Caller caller, Clock clock, CounsellorDirectory counsellors, TrainingProjectReferences projects) {
        this.counsellors = counsellors;
        this.projects = projects;
        this.accompaniments = accompaniments;
        this.beneficiaries = beneficiaries;
        this.documents = documents;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Idempotent
    @Operation(summary = "Open a CEP accompaniment from an entry diagnostic",
            description = "The service correspondence of the diagnostic's work axis decides: project elaboration → "
                    + "level 2, training project → level 3; disability-related barriers, job search and job retention "
                    + "are not CEP services and are refused with 409 naming diagnosticId. One open accompaniment per "
                    + "person. Emits AccompanimentOpened.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.Open.class), examples = {
            @ExampleObject(name = "from-diagnostic", summary = "Level from the service correspondence",
                    value = "{\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"diagnosticId\":\""
                            + Examples.DIAGNOSTIC + "\",\"startDate\":\"2016-02-29\"}"),
            @ExampleObject(name = "chosen-level", summary = "Entering at level 2 with a chosen referent",
                    value = "{\"beneficiaryId\":\"" + ExampleIds.BENEFICIARY + "\",\"diagnosticId\":\""
                            + Examples.DIAGNOSTIC + "\",\"referentCounsellorId\":\"" + ExampleIds.COUNSELLOR
                            + "\",\"startDate\":\"2016-02-29\",\"level\":2}")}))
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(
            schema = @Schema(implementation = Full.class),
                    examples = @ExampleObject(name = "opened", value = FULL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(examples = @ExampleObject(name = "level-5",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"level: must be less than or equal to 3\",\"violations\":[{\"field\":"
                    + "\"level\",\"message\":\"must be less than or equal to 3\"}]}")))
    @APIResponse(responseCode = "404", ref = CommonProblemResponses.UNKNOWN_REFERENCE)
    @APIResponse(responseCode = "409", description = "Not a CEP service, or an accompaniment is already open",
            content = @Content(examples = @ExampleObject(name = "not-cep", value = NOT_CEP)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public RestResponse<Full> open(@Valid @NotNull AccompanimentRequests.Open request, @Context UriInfo uri) {
        UUID structure = caller.ownStructure();
        beneficiaries.require(request.beneficiaryId(), structure);
        counsellors.require(request.referentCounsellorId(), structure, "referentCounsellorId");
        Accompaniment accompaniment = accompaniments.open(new Accompaniments.Opening(structure, request.beneficiaryId(),
                request.diagnosticId(), request.referentCounsellorId(), request.level(), request.startDate(),
                caller.name()));
        return Created.at(uri, accompaniment.id(), Full.of(accompaniment));
    }

    @GET
    @Operation(summary = "List the accompaniments of the caller's structure",
            description = "Filter by beneficiary and by status (open=true/false). Newest first.")
    public Page<Summary> list(
            @QueryParam("beneficiaryId") UUID beneficiaryId,
            @QueryParam("open") Boolean open,
            @Valid @BeanParam PageRequest paging) {
        Page<Accompaniment> found = accompaniments.list(caller.ownStructure(), beneficiaryId, open, paging.page(),
                paging.size());
        return found.map(Summary::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an accompaniment with its sub-resources and its service correspondence")
    @APIResponse(responseCode = "200", description = "The accompaniment", content = @Content(
            schema = @Schema(implementation = Full.class),
                    examples = @ExampleObject(name = "open", value = FULL_EXAMPLE)))
    public Full get(@PathParam("id") UUID id) {
        return Full.of(read(id));
    }

    @POST
    @Idempotent
    @Path("/{id}/level")
    @Operation(summary = "Change the CEP level (2 ↔ 3)", description = "Level 1 or 4 and beyond, the current level, or "
            + "a closed accompaniment: 409. Emits AccompanimentLevelChanged.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.LevelChange.class),
            examples = @ExampleObject(name = "to-level-3", value = "{\"level\":3,\"changedOn\":\"2016-04-11\"}")))
    @APIResponse(responseCode = "200", description = "Changed; the accompaniment", content = @Content(
            schema = @Schema(implementation = Full.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(
            examples = {
            @ExampleObject(name = "level-4", value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/illegal-transition\","
                    + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"level: the CEP has three levels; an "
                    + "accompaniment is at level 2 or 3, not 4\",\"violations\":[{\"field\":\"level\",\"message\":\"the "
                    + "CEP has three levels; an accompaniment is at level 2 or 3, not 4\"}]}"),
            @ExampleObject(name = "closed", value = Examples.CLOSED)}))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public Full changeLevel(@PathParam("id") UUID id, @Valid @NotNull AccompanimentRequests.LevelChange request) {
        return Full.of(accompaniments.changeLevel(id, caller.ownStructure(), request.level(), request.changedOn()));
    }

    @POST
    @Idempotent
    @Path("/{id}/cep-information")
    @Operation(summary = "Record that the person was informed about the CEP (indicator 5)",
            description = "Once per accompaniment (409 the second time). Emits CepInformationGiven.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.CepInformation.class),
            examples = @ExampleObject(name = "informed", value = "{\"informedOn\":\"2016-02-29\"}")))
    @APIResponse(responseCode = "200", description = "Recorded; the accompaniment", content = @Content(
            schema = @Schema(implementation = Full.class)))
    @APIResponse(responseCode = "409", description = "Already informed, or closed", content = @Content(
            examples = @ExampleObject(name = "closed", value = Examples.CLOSED)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public Full giveCepInformation(@PathParam("id") UUID id,
            @Valid @NotNull AccompanimentRequests.CepInformation request) {
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        return Full.of(accompaniments.giveCepInformation(id, caller.ownStructure(), request.informedOn(), counsellor));
    }

    @POST
    @Idempotent
    @Path("/{id}/interviews")
    @Operation(summary = "Record an interview", description = "Emits InterviewHeld with the level of that day.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.NewInterview.class),
            examples = @ExampleObject(name = "on-site-hour", value = "{\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,"
                    + "\"mode\":\"ON_SITE\"}")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(
            schema = @Schema(implementation = InterviewView.class), examples = @ExampleObject(name = "recorded",
            value = "{\"id\":\"a3c1e2f4-4444-4a2b-9c3d-000000000004\",\"heldOn\":\"2016-03-07\",\"durationMinutes\":60,"
                    + "\"mode\":\"ON_SITE\",\"counsellorId\":\"" + ExampleIds.COUNSELLOR + "\",\"cepLevel\":3}")))
    @APIResponse(responseCode = "409", description = "Closed accompaniment", content = @Content(
            examples = @ExampleObject(name = "closed", value = Examples.CLOSED)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public RestResponse<InterviewView> holdInterview(@PathParam("id") UUID id, @Valid @NotNull AccompanimentRequests.NewInterview request,
            @Context UriInfo uri) {
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        Interview interview = accompaniments.holdInterview(id, caller.ownStructure(), request.heldOn(),
                request.durationMinutes(), request.mode(), counsellor);
        return Created.at(uri, interview.id(), InterviewView.of(interview));
    }

    @GET
    @Path("/{id}/interviews")
    @Operation(summary = "List the interviews of an accompaniment", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The interviews", content = @Content(schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = InterviewView.class,
            maxItems = 1000)))
    public List<InterviewView> interviews(@PathParam("id") UUID id) {
        return read(id).interviews().stream().map(InterviewView::of).toList();
    }

    @POST
    @Idempotent
    @Path("/{id}/actions")
    @Operation(summary = "Add an item to the action plan",
            description = "PMSMP: purpose and dates required, at most one calendar month (starting 10 March, it ends "
                    + "on 9 April at the latest: 400 naming endDate), renewable once: a renewal names the PMSMP it "
                    + "renews in renewalOf, keeps its purpose and starts after it; a second renewal is 409 naming "
                    + "renewalOf. ALTERNANCE needs alternanceContract, TRAINING needs cpfTrainingProjectId. "
                    + "Emits ActionPlanned.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.NewAction.class), examples = {
            @ExampleObject(name = "pmsmp", summary = "A PMSMP to discover a job",
                    value = "{\"kind\":\"PMSMP\",\"label\":\"Découverte du métier de préparateur de commandes\","
                            + "\"plannedOn\":\"2016-03-07\",\"startDate\":\"2016-03-14\",\"endDate\":\"2016-04-08\","
                            + "\"pmsmpPurpose\":\"DISCOVER_JOB\",\"hostName\":\"Logistique du Val SARL\","
                            + "\"hostSiret\":\"73282932000074\"}"),
            @ExampleObject(name = "pmsmp-renewal", summary = "Its renewal",
                    value = "{\"kind\":\"PMSMP\",\"plannedOn\":\"2016-04-06\",\"startDate\":\"2016-04-11\","
                            + "\"endDate\":\"2016-05-06\",\"pmsmpPurpose\":\"DISCOVER_JOB\","
                            + "\"renewalOf\":\"a3c1e2f4-5555-4a2b-9c3d-000000000005\"}"),
            @ExampleObject(name = "alternance", value = "{\"kind\":\"ALTERNANCE\",\"plannedOn\":\"2016-05-02\","
                    + "\"startDate\":\"2016-09-01\",\"alternanceContract\":\"PROFESSIONALISATION\"}"),
            @ExampleObject(name = "training", value = "{\"kind\":\"TRAINING\",\"label\":\"Titre professionnel "
                    + "préparateur de commandes\",\"plannedOn\":\"2016-05-02\","
                    + "\"cpfTrainingProjectId\":\"c6f5d1a2-8a1e-4f0b-9d55-5a1f3e9b7c10\"}")}))
    @APIResponse(responseCode = "201", description = "Planned", content = @Content(
            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(examples = @ExampleObject(name = "pmsmp-too-long",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"endDate: a PMSMP lasts at most one month: starting on 2016-03-14, it "
                    + "must end on 2016-04-13 at the latest\",\"violations\":[{\"field\":\"endDate\",\"message\":\"a "
                    + "PMSMP lasts at most one month: starting on 2016-03-14, it must end on 2016-04-13 at the "
                    + "latest\"}]}")))
    @APIResponse(responseCode = "409", description = "Second renewal, or closed accompaniment", content = @Content(
            examples = @ExampleObject(name = "second-renewal",
            value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/illegal-transition\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"renewalOf: a PMSMP is renewable once: "
                    + "a3c1e2f4-5555-4a2b-9c3d-000000000005 was already renewed by "
                    + "a3c1e2f4-6666-4a2b-9c3d-000000000006\",\"violations\":[{\"field\":\"renewalOf\",\"message\":\"a "
                    + "PMSMP is renewable once: a3c1e2f4-5555-4a2b-9c3d-000000000005 was already renewed by "
                    + "a3c1e2f4-6666-4a2b-9c3d-000000000006\"}]}")))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public RestResponse<ActionView> planAction(@PathParam("id") UUID id, @Valid @NotNull AccompanimentRequests.NewAction request,
            @Context UriInfo uri) {
        UUID structure = caller.ownStructure();
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        if (request.kind() == ActionKind.TRAINING && request.cpfTrainingProjectId() != null) {
            // only a TRAINING action may link a project (another kind with one is refused by the plan's rules)
            projects.require(request.cpfTrainingProjectId(), structure,
                    accompaniments.get(id, structure).beneficiaryId(), "cpfTrainingProjectId");
        }
        PlannedAction action = accompaniments.planAction(id, caller.ownStructure(), new ActionSpec(request.kind(),
                blankToNull(request.label()), request.plannedOn(), request.startDate(), request.endDate(),
                request.pmsmpPurpose(), blankToNull(request.hostName()), request.hostSiret(), request.renewalOf(),
                request.alternanceContract(), request.cpfTrainingProjectId(), counsellor));
        return Created.at(uri, action.id(), ActionView.of(action));
    }

    @GET
    @Path("/{id}/actions")
    @Operation(summary = "List the action plan of an accompaniment", description = "In planning order.")
    @APIResponse(responseCode = "200", description = "The action plan", content = @Content(schema = @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = ActionView.class,
            maxItems = 1000)))
    public List<ActionView> actions(@PathParam("id") UUID id) {
        return read(id).actions().stream().map(ActionView::of).toList();
    }

    @GET
    @Path("/{id}/actions/{actionId}")
    @Operation(summary = "Read an action-plan item")
    public ActionView action(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId) {
        read(id);
        return ActionView.of(accompaniments.action(id, caller.ownStructure(), actionId));
    }

    @PATCH
    @Path("/{id}/actions/{actionId}")
    @Operation(summary = "Mark an action done or cancelled", description = "Only a PLANNED action changes (409 "
            + "otherwise). Emits ActionCompleted or ActionCancelled.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.ActionStatus.class),
            examples = {@ExampleObject(name = "done", value = "{\"status\":\"DONE\",\"effectiveOn\":\"2016-04-08\"}"),
                    @ExampleObject(name = "cancelled", value = "{\"status\":\"CANCELLED\",\"effectiveOn\":\"2016-03-10\"}")}))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = "Already done or cancelled, or closed accompaniment",
            content = @Content(examples = @ExampleObject(name = "closed",
            value = Examples.CLOSED)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public ActionView settleAction(@PathParam("id") UUID id, @PathParam("actionId") UUID actionId,
            @Valid @NotNull AccompanimentRequests.ActionStatus request) {
        return ActionView.of(accompaniments.settleAction(id, caller.ownStructure(), actionId, request.status(),
                request.effectiveOn()));
    }

    @POST
    @Idempotent
    @Path("/{id}/synthesis")
    @Operation(summary = "Issue (or re-issue) the dossier de synthèse",
            description = "Records the project and the strategy given to the person; download the document at "
                    + "GET /synthesis-document. Emits SynthesisIssued with its revision.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.Synthesis.class),
            examples = @ExampleObject(name = "issued", value = "{\"issuedOn\":\"2016-05-17\",\"project\":\"Devenir "
                    + "préparateur de commandes en logistique\",\"strategy\":\"Valider le projet par une PMSMP puis "
                    + "entrer en formation qualifiante\"}")))
    @APIResponse(responseCode = "200", description = "Issued; the accompaniment", content = @Content(
            schema = @Schema(implementation = Full.class)))
    @APIResponse(responseCode = "409", description = "Closed accompaniment", content = @Content(
            examples = @ExampleObject(name = "closed", value = Examples.CLOSED)))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public Full issueSynthesis(@PathParam("id") UUID id, @Valid @NotNull AccompanimentRequests.Synthesis request) {
        UUID counsellor = counsellors.requireActing(caller, request.counsellorId());
        return Full.of(accompaniments.issueSynthesis(id, caller.ownStructure(), request.issuedOn(), counsellor,
                request.project().strip(), blankToNull(request.strategy())));
    }

    @POST
    @Idempotent
    @Path("/{id}/close")
    @Operation(summary = "Close the accompaniment with the person's decision",
            description = "A CEP succeeds when the person took a decision: decisionTaken is true for every outcome "
                    + "but NONE_OR_ABANDON. Closing twice is 409. Emits AccompanimentClosed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccompanimentRequests.Close.class),
            examples = @ExampleObject(name = "start-training", value = "{\"closedOn\":\"2016-06-20\","
                    + "\"outcome\":\"START_TRAINING\"}")))
    @APIResponse(responseCode = "200", description = "Closed; the accompaniment", content = @Content(
            schema = @Schema(implementation = Full.class)))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(examples = @ExampleObject(name = "closed-twice", value = "{\"type\":\"https://cepcpf.capemploi.fr/problems/"
                    + "illegal-transition\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"the accompaniment was "
                    + "already closed on 2016-06-20\"}")))
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public Full close(@PathParam("id") UUID id, @Valid @NotNull AccompanimentRequests.Close request) {
        return Full.of(accompaniments.close(id, caller.ownStructure(), request.closedOn(), request.outcome()));
    }

    @GET
    @Path("/{id}/synthesis-document")
    @Produces({DocumentFormats.PDF, MediaType.APPLICATION_JSON})
    @Tag(name = "Documents")
    @Operation(summary = "Download the dossier de synthèse",
            description = "Accept: application/pdf (default) gives the French PDF given to the person: structure, "
                    + "referent counsellor, diagnostic, project, strategy, action plan, interviews and, once closed, "
                    + "the decision. Accept: application/json gives the same content as data. The person (civility, names, "
                    + "birth date), the structure and the counsellors are read from beneficiary-service at the time of "
                    + "the request with the caller's token, so the read is in the person's access log; nothing of it is "
                    + "kept here. 404 until a synthesis was issued (POST /synthesis); 410 when the person was erased "
                    + "(here or already in the registry); 503 when beneficiary-service does not answer.")
    @APIResponse(responseCode = "200", description = "The dossier de synthèse", content = {
            @Content(mediaType = DocumentFormats.PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SynthesisDossier.class))})
    @APIResponse(responseCode = "410", ref = CommonProblemResponses.BENEFICIARY_ERASED)
    public Response synthesisDocument(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        SynthesisDossier dossier = documents.synthesisDossier(id, caller.ownStructure());
        return DocumentFormats.answer(headers, dossier, PdfDocuments::synthesisDossier, clock,
                "dossier-de-synthese-" + id + ".pdf");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The accompaniment of the caller's structure as its staff reads it: an erased person's accompaniment is still
     * served, and the read goes to their access log.
     */
    private Accompaniment read(UUID id) {
        Accompaniment accompaniment = accompaniments.get(id, caller.ownStructure());
        beneficiaries.traceReadIfErased(accompaniment.beneficiaryId(), "accompaniment", id);
        return accompaniment;
    }
}
