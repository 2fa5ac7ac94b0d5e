package fr.capemploi.reporting.messaging;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.Set;

/** Registered structures: the denominator of coverage and of every "share of structures" indicator. */
public class StructureProjection implements EventProjection {

    private final Generation generation;
    private final EntityManager entityManager;

    public StructureProjection(Generation generation, EntityManager entityManager) {
        this.generation = generation;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "structures";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        if (!"StructureRegistered".equals(envelope.eventType())) {
            return;
        }
        StructureRegistered event = EventCodec.payload(envelope, StructureRegistered.class);
        entityManager.createNativeQuery(generation.sql("""
                INSERT INTO {schema}.structure (structure_id, code, region, department, registered_on, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (structure_id) DO NOTHING
                """))
                .setParameter(1, event.structureId())
                .setParameter(2, event.code())
                .setParameter(3, event.region())
                .setParameter(4, event.department())
                .setParameter(5, event.registeredOn())
                .setParameter(6, Timestamp.from(envelope.recordedAt()))
                .executeUpdate();
    }
}
