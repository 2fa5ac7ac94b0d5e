package fr.capemploi.platform.testapp;

import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.idempotency.KeyedRequest;
import fr.capemploi.platform.idempotency.StoredAnswers;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The test application's use cases, transactional in the service layer as in the services. */
@ApplicationScoped
public class WidgetRegistry {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final KeyedRequest keyedRequest;
    private final StoredAnswers answers;

    public WidgetRegistry(EntityManager entityManager, Outbox outbox, KeyedRequest keyedRequest,
            StoredAnswers answers) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.keyedRequest = keyedRequest;
        this.answers = answers;
    }

    /** A creation whose retry answers the widget as it is now and creates nothing. */
    @Transactional
    public WidgetResource.Created createOnce(String name) {
        UUID id = keyedRequest.retryOf().orElse(null);
        if (id == null) {
            id = create(name);
            keyedRequest.answers(id);
        }
        return new WidgetResource.Created(id, entityManager.find(Widget.class, id).name);
    }

    @Transactional
    public void erase(UUID id) {
        entityManager.find(Widget.class, id).name = "erased";
        answers.forgetRequestsAbout(id);
    }

    @Transactional
    public UUID create(String name) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        entityManager.persist(widget);
        outbox.record(new StructureRegistered(widget.id, "W1", name, "11", "75", LocalDate.of(2016, 1, 4)),
                Instant.now());
        return widget.id;
    }

    /**
     * Two widgets each with its event in one statement (companion rows), an event alone between them and one after:
     * the events' ids in the order recorded.
     */
    @Transactional
    public List<UUID> createWithCompanions(String name) {
        List<UUID> events = new ArrayList<>();
        events.add(createInOneStatement(name));
        events.add(outbox.record(new StructureRegistered(UUID.randomUUID(), "W2", name, "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.now()));
        events.add(createInOneStatement(name));
        events.add(outbox.record(new StructureRegistered(UUID.randomUUID(), "W4", name, "11", "75",
                LocalDate.of(2016, 1, 4)), Instant.now()));
        return events;
    }

    private UUID createInOneStatement(String name) {
        UUID id = UUID.randomUUID();
        return outbox.record(new WidgetRow(id, name),
                new StructureRegistered(id, "W1", name, "11", "75", LocalDate.of(2016, 1, 4)), Instant.now());
    }

    @Transactional
    public String rename(UUID id, String name) {
        Widget widget = entityManager.find(Widget.class, id);
        if (widget == null) {
            throw new ResourceNotFoundException("Widget", id);
        }
        widget.name = name;
        outbox.record(new StructureRegistered(id, "W1", name, "11", "75", LocalDate.of(2016, 1, 4)), Instant.now());
        return widget.name;
    }
}
