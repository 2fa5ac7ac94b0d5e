package fr.capemploi.reporting.messaging;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.StructureRegistered;
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;

/** Registered structures: the denominator of coverage and of every "share of structures" indicator. */
public class StructureProjection extends GenerationProjection {

    StructureProjection(Generation generation, EntityManager entityManager, GenerationBatch batch) {
        super("structures", Topics.BENEFICIARY, generation, entityManager, batch);
        on(StructureRegistered.class, this::onStructureRegistered);
    }

    private void onStructureRegistered(StructureRegistered event, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.structure (structure_id, code, region, department, registered_on, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (structure_id) DO NOTHING
                """, event.structureId(), event.code(), event.region(), event.department(), event.registeredOn(),
                envelope.recordedAt());
    }
}
