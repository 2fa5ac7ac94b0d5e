package fr.capemploi.platform.testapp;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.TypedProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts registrations per region; a region of "XX" is a poison event that can never be applied. When a batch
 * completes, it copies the count of each region the batch touched to the region {@code "completed <region>"}: what
 * the batch's own statements left, as its transaction sees it before the commit.
 */
@ApplicationScoped
public class WidgetProjection extends TypedProjection {

    private final EntityManager entityManager;
    private final Set<String> regionsOfTheBatch = new HashSet<>();

    public WidgetProjection(EntityManager entityManager) {
        super("widgets", Topics.BENEFICIARY);
        this.entityManager = entityManager;
        on(StructureRegistered.class, this::registered);
    }

    @Override
    public void beginBatch() {
        regionsOfTheBatch.clear();
    }

    @Override
    public void completeBatch() {
        for (String region : regionsOfTheBatch) {
            entityManager.createNativeQuery("""
                    INSERT INTO widget_count (region, registered)
                    SELECT 'completed ' || region, registered FROM widget_count WHERE region = ?1
                    ON CONFLICT (region) DO UPDATE SET registered = excluded.registered
                    """).setParameter(1, region).executeUpdate();
        }
        regionsOfTheBatch.clear();
    }

    private void registered(StructureRegistered event, EventEnvelope envelope) {
        if ("XX".equals(event.region())) {
            throw new MalformedEventException("region XX does not exist");
        }
        regionsOfTheBatch.add(event.region());
        entityManager.createNativeQuery("""
                INSERT INTO widget_count (region, registered) VALUES (?1, 1)
                ON CONFLICT (region) DO UPDATE SET registered = widget_count.registered + 1
                """).setParameter(1, event.region()).executeUpdate();
    }
}
