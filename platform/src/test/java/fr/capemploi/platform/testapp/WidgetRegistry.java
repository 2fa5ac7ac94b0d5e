package fr.capemploi.platform.testapp;

import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The test application's use cases, transactional in the service layer as in the services. */
@ApplicationScoped
public class WidgetRegistry {

    private final EntityManager entityManager;
    private final Outbox outbox;

    public WidgetRegistry(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
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
