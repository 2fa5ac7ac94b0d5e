package fr.capemploi.platform.testapp;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;

/** Counts registrations per region; a region of "XX" is a poison event that can never be applied. */
@ApplicationScoped
public class WidgetProjection extends TypedProjection {

    private final EntityManager entityManager;

    public WidgetProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
        on(StructureRegistered.class, this::registered);
    }

    @Override
    public String name() {
        return "widgets";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }

    private void registered(StructureRegistered event, EventEnvelope envelope) {
        if ("XX".equals(event.region())) {
            throw new MalformedEventException("region XX does not exist");
        }
        entityManager.createNativeQuery("""
                INSERT INTO widget_count (region, registered) VALUES (?1, 1)
                ON CONFLICT (region) DO UPDATE SET registered = widget_count.registered + 1
                """).setParameter(1, event.region()).executeUpdate();
    }
}
