package fr.capemploi.platform.testapp;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.idempotency.Idempotent;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ConflictException;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tiny application that uses the platform the way the services do. */
@Path("/test/widgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WidgetResource {

    public enum Colour { RED, GREEN }

    public record WidgetRequest(@NotBlank String name, @NotNull @Min(0) Integer count, @NotNull Colour colour,
            LocalDate day, @Valid List<Part> parts) {
    }

    public record Part(@NotBlank String label) {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Caller caller;
    private final WidgetRegistry widgets;

    public WidgetResource(EntityManager entityManager, Outbox outbox, Caller caller, WidgetRegistry widgets) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.caller = caller;
        this.widgets = widgets;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Map<String, Object> create(@Valid @NotNull WidgetRequest request) {
        return Map.of("id", save(request.name(), UUID.randomUUID()));
    }

    /** A read PostgreSQL stops at its time limit (set for this transaction only, as reporting sets its own). */
    @GET
    @Path("/slow")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Map<String, Object> slow() {
        entityManager.createNativeQuery("SELECT set_config('statement_timeout', '50', true)").getSingleResult();
        entityManager.createNativeQuery("SELECT CAST(pg_sleep(5) AS text)").getSingleResult();
        return Map.of("slept", true);
    }

    /** Writes the widget and its event, then fails: neither may survive. */
    @POST
    @Path("/failing")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Map<String, Object> createThenFail(@Valid @NotNull WidgetRequest request) {
        save(request.name(), UUID.randomUUID());
        throw new ConflictException("Widget " + request.name() + " cannot be created twice");
    }

    /**
     * Records an event and nothing else (no entity: no Hibernate session in the transaction), then fails: the outbox
     * row must go with the transaction all the same.
     */
    @POST
    @Path("/event-only/failing")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Map<String, Object> recordEventThenFail(@Valid @NotNull WidgetRequest request) {
        outbox.record(new StructureRegistered(UUID.randomUUID(), "E1", request.name(), "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.now());
        throw new ConflictException("Widget " + request.name() + " cannot be announced twice");
    }

    /** Many events for one key in one call, to check that their order survives the relay. */
    @POST
    @Path("/sequence/{key}/{count}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Map<String, Object> sequence(@PathParam("key") UUID key, @PathParam("count") int count) {
        for (int i = 0; i < count; i++) {
            outbox.record(new StructureRegistered(key, "S" + i, "seq-" + i, "11", "75", LocalDate.of(2016, 1, 1)),
                    Instant.now());
        }
        return Map.of("key", key);
    }

    /**
     * Idempotent creation, without {@code @Transactional} here: as in the services, the transaction is the use
     * case's, and the idempotency interceptor's transaction (when a key is sent) takes it in. Waits a little after writing so that concurrent attempts
     * overlap.
     */
    @POST
    @Path("/idempotent")
    @RolesAllowed({Roles.ADMIN, Roles.COUNSELLOR})
    @Idempotent
    public Response createIdempotently(@Valid @NotNull WidgetRequest request, @Context UriInfo uri)
            throws InterruptedException {
        UUID id = widgets.create(request.name());
        Thread.sleep(request.count());
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(new Created(id, request.name()))
                .build();
    }

    /** The same creation answered typed, as the services' resources answer it. */
    @POST
    @Path("/idempotent/typed")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    public RestResponse<Created> createTyped(@Valid @NotNull WidgetRequest request, @Context UriInfo uri) {
        UUID id = widgets.create(request.name());
        return fr.capemploi.platform.rest.Created.at(uri, id, new Created(id, request.name()));
    }

    /** A creation answering a record with its status declared (no Location). */
    @POST
    @Path("/idempotent/declared")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @ResponseStatus(201)
    public Created createDeclared(@Valid @NotNull WidgetRequest request) {
        UUID id = widgets.create(request.name());
        return new Created(id, request.name());
    }

    /** An idempotent operation answering a record rather than a Response. */
    @POST
    @Path("/idempotent/{id}/rename")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    public Created rename(@PathParam("id") UUID id, @Valid @NotNull WidgetRequest request) {
        return new Created(id, widgets.rename(id, request.name()));
    }

    /**
     * A creation answered by reference: only the widget's id is kept with the key, and a retry answers the widget as
     * it is now (as beneficiary-service answers a person, whose answer carries personal data).
     */
    @POST
    @Path("/idempotent/current")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent(replay = Idempotent.Replay.CURRENT_STATE)
    public RestResponse<Created> createAnsweredAsItIsNow(@Valid @NotNull WidgetRequest request,
            @Context UriInfo uri) {
        Created widget = widgets.createOnce(request.name());
        return fr.capemploi.platform.rest.Created.at(uri, widget.id(), widget);
    }

    /** The erasure of a widget: the fingerprints of the requests about it are wiped. */
    @DELETE
    @Path("/idempotent/current/{id}")
    @RolesAllowed(Roles.ADMIN)
    public void erase(@PathParam("id") UUID id) {
        widgets.erase(id);
    }

    public record Created(UUID id, String name) {
    }

    @GET
    @Path("/mine/{structureId}")
    @RolesAllowed({Roles.COUNSELLOR, Roles.MANAGER, Roles.ADMIN})
    public Map<String, Object> mine(@PathParam("structureId") UUID structureId) {
        caller.checkAccess(structureId, "Widget", structureId);
        return Map.of("structure", structureId, "scope", caller.structureScope().map(UUID::toString).orElse("national"));
    }

    @GET
    @Path("/missing/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> missing(@PathParam("id") UUID id) {
        throw new ResourceNotFoundException("Widget", id);
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> boom() {
        throw new IllegalStateException("secret detail in fr.capemploi.internal.Thing");
    }

    /**
     * A widget and its event written as one statement outside any transaction, as cep-service writes an anonymous
     * level-1 contact: the statement commits on its own. {@code id} names the widget (an existing one makes the
     * statement fail).
     */
    @POST
    @Path("/one-statement/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> createInOneStatement(@PathParam("id") UUID id, @Valid @NotNull WidgetRequest request) {
        outbox.record(new WidgetRow(id, request.name()),
                new StructureRegistered(id, "W1", request.name(), "11", "75", LocalDate.of(2016, 1, 4)), Instant.now());
        return Map.of("id", id);
    }

    /**
     * Keyed: two widgets each written with its event by one statement (companion rows, as a level-1 contact), an event
     * alone between them and another after them, in the use case's transaction. Answers the four events' ids in the
     * order they were recorded.
     */
    @POST
    @Path("/idempotent/companions")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @ResponseStatus(201)
    public List<UUID> createWithCompanions(@Valid @NotNull WidgetRequest request) {
        return widgets.createWithCompanions(request.name());
    }

    /** An event alone, outside any transaction: refused, it could outlive a change rolled back. */
    @POST
    @Path("/event-only/outside-transaction")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> recordEventOutsideATransaction(@Valid @NotNull WidgetRequest request) {
        outbox.record(new StructureRegistered(UUID.randomUUID(), "E1", request.name(), "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.now());
        return Map.of("recorded", true);
    }

    private UUID save(String name, UUID id) {
        Widget widget = new Widget();
        widget.id = id;
        widget.name = name;
        entityManager.persist(widget);
        outbox.record(new StructureRegistered(id, "W1", name, "11", "75", LocalDate.of(2016, 1, 4)), Instant.now());
        return id;
    }
}
