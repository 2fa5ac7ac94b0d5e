package fr.capemploi.reporting.messaging;

import static fr.capemploi.reporting.repository.ProjectionSql.update;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.Topics;
import fr.capemploi.events.beneficiary.BeneficiaryErased;
import fr.capemploi.events.beneficiary.BeneficiaryExited;
import fr.capemploi.events.beneficiary.BeneficiaryProfileChanged;
import fr.capemploi.events.beneficiary.BeneficiaryRegistered;
import fr.capemploi.events.beneficiary.CounsellorDeactivated;
import fr.capemploi.events.beneficiary.CounsellorReactivated;
import fr.capemploi.events.beneficiary.CounsellorRegistered;
import fr.capemploi.events.beneficiary.ReferentAssigned;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;

/**
 * Counsellors, beneficiaries (categorical facts only) and referent history from {@code beneficiary.events}. A
 * beneficiary row is created by whichever of the person's events comes first and completed by the others.
 */
public class BeneficiaryFactsProjection implements EventProjection {

    private final Generation generation;
    private final EntityManager entityManager;

    public BeneficiaryFactsProjection(Generation generation, EntityManager entityManager) {
        this.generation = generation;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "beneficiary-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BENEFICIARY);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        switch (envelope.eventType()) {
            case "CounsellorRegistered" -> {
                CounsellorRegistered e = EventCodec.payload(envelope, CounsellorRegistered.class);
                sql("""
                        INSERT INTO {schema}.counsellor (counsellor_id, structure_id, active_from, recorded_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (counsellor_id) DO UPDATE SET active_from = excluded.active_from
                        """, e.counsellorId(), e.structureId(), e.activeFrom(), envelope.recordedAt());
            }
            case "CounsellorDeactivated" -> {
                CounsellorDeactivated e = EventCodec.payload(envelope, CounsellorDeactivated.class);
                sql("""
                        INSERT INTO {schema}.counsellor (counsellor_id, structure_id, active_until, recorded_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (counsellor_id) DO UPDATE SET active_until = excluded.active_until
                        """, e.counsellorId(), e.structureId(), e.activeUntil(), envelope.recordedAt());
            }
            case "CounsellorReactivated" -> {
                CounsellorReactivated e = EventCodec.payload(envelope, CounsellorReactivated.class);
                sql("UPDATE {schema}.counsellor SET active_until = NULL WHERE counsellor_id = ?", e.counsellorId());
            }
            case "BeneficiaryRegistered" -> {
                BeneficiaryRegistered e = EventCodec.payload(envelope, BeneficiaryRegistered.class);
                sql("""
                        INSERT INTO {schema}.beneficiary (beneficiary_id, structure_id, entry_date, orientation_source,
                            registered_at, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (beneficiary_id) DO UPDATE SET structure_id = excluded.structure_id,
                            entry_date = excluded.entry_date, orientation_source = excluded.orientation_source,
                            registered_at = excluded.registered_at
                        """, e.beneficiaryId(), e.structureId(), e.entryDate(), e.orientationSource(),
                        envelope.recordedAt(), envelope.recordedAt());
                if (e.referentCounsellorId() != null) {
                    referent(e.beneficiaryId(), e.referentCounsellorId(), e.structureId(), e.entryDate(), envelope);
                }
            }
            case "BeneficiaryProfileChanged" -> {
                BeneficiaryProfileChanged e = EventCodec.payload(envelope, BeneficiaryProfileChanged.class);
                sql("""
                        INSERT INTO {schema}.beneficiary (beneficiary_id, structure_id, entry_date, orientation_source,
                            recorded_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (beneficiary_id) DO UPDATE SET entry_date = excluded.entry_date,
                            orientation_source = excluded.orientation_source
                        """, e.beneficiaryId(), e.structureId(), e.entryDate(), e.orientationSource(),
                        envelope.recordedAt());
            }
            case "ReferentAssigned" -> {
                ReferentAssigned e = EventCodec.payload(envelope, ReferentAssigned.class);
                ensureBeneficiary(e.beneficiaryId(), e.structureId(), envelope);
                referent(e.beneficiaryId(), e.counsellorId(), e.structureId(), e.assignedOn(), envelope);
            }
            case "BeneficiaryExited" -> {
                BeneficiaryExited e = EventCodec.payload(envelope, BeneficiaryExited.class);
                ensureBeneficiary(e.beneficiaryId(), e.structureId(), envelope);
                sql("""
                        UPDATE {schema}.beneficiary SET exit_date = ?, exit_reason = ?, exit_recorded_at = ?
                        WHERE beneficiary_id = ?
                        """, e.exitDate(), e.reason(), envelope.recordedAt(), e.beneficiaryId());
            }
            case "BeneficiaryErased" -> {
                // nothing personal is held here; the tombstone keeps the person in past counts
                BeneficiaryErased e = EventCodec.payload(envelope, BeneficiaryErased.class);
                ensureBeneficiary(e.beneficiaryId(), e.structureId(), envelope);
                sql("UPDATE {schema}.beneficiary SET erased = TRUE WHERE beneficiary_id = ?", e.beneficiaryId());
            }
            default -> {
                // structures have their own projection; consents carry nothing an indicator needs
            }
        }
    }

    private void ensureBeneficiary(UUID beneficiaryId, UUID structureId, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.beneficiary (beneficiary_id, structure_id, recorded_at) VALUES (?, ?, ?)
                ON CONFLICT (beneficiary_id) DO NOTHING
                """, beneficiaryId, structureId, envelope.recordedAt());
    }

    private void referent(UUID beneficiaryId, UUID counsellorId, UUID structureId, java.time.LocalDate on,
            EventEnvelope envelope) {
        if (on == null) {
            return;
        }
        sql("""
                INSERT INTO {schema}.referent_assignment (beneficiary_id, counsellor_id, structure_id, assigned_on,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, beneficiaryId, counsellorId, structureId, on, envelope.recordedAt());
    }

    private void sql(String template, Object... parameters) {
        update(entityManager, generation.sql(template), parameters);
    }
}
