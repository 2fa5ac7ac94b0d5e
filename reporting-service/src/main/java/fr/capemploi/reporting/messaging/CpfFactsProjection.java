package fr.capemploi.reporting.messaging;

import static fr.capemploi.reporting.repository.ProjectionSql.update;

import fr.capemploi.events.EventCodec;
import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cpf.CpfAccountAlreadyOpen;
import fr.capemploi.events.cpf.CpfAccountOpeningAssisted;
import fr.capemploi.events.cpf.CpfConsentGiven;
import fr.capemploi.events.cpf.CpfConsentWithdrawn;
import fr.capemploi.events.cpf.CpfPresented;
import fr.capemploi.events.cpf.FundingDecided;
import fr.capemploi.events.cpf.TrainingCompleted;
import fr.capemploi.events.cpf.TrainingNotImplemented;
import fr.capemploi.events.cpf.TrainingProjectCreated;
import fr.capemploi.events.cpf.TrainingStarted;
import fr.capemploi.platform.consumer.EventProjection;
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** CPF steps, training projects, their outcomes and funding decisions from {@code cpf.events}. */
public class CpfFactsProjection implements EventProjection {

    private final Generation generation;
    private final EntityManager entityManager;

    public CpfFactsProjection(Generation generation, EntityManager entityManager) {
        this.generation = generation;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "cpf-facts";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CPF);
    }

    @Override
    public void apply(EventEnvelope envelope) {
        switch (envelope.eventType()) {
            case "CpfPresented" -> {
                CpfPresented e = EventCodec.payload(envelope, CpfPresented.class);
                step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "PRESENTED", e.presentedOn(), null);
            }
            case "CpfAccountOpeningAssisted" -> {
                CpfAccountOpeningAssisted e = EventCodec.payload(envelope, CpfAccountOpeningAssisted.class);
                step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "OPENING_ASSISTED", e.assistedOn(),
                        null);
            }
            case "CpfAccountAlreadyOpen" -> {
                CpfAccountAlreadyOpen e = EventCodec.payload(envelope, CpfAccountAlreadyOpen.class);
                step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "ALREADY_OPEN", e.notedOn(), null);
            }
            case "CpfConsentGiven" -> {
                CpfConsentGiven e = EventCodec.payload(envelope, CpfConsentGiven.class);
                step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "CONSENT", e.givenOn(),
                        e.modality() == null ? null : e.modality().name());
            }
            case "CpfConsentWithdrawn" -> {
                CpfConsentWithdrawn e = EventCodec.payload(envelope, CpfConsentWithdrawn.class);
                step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "CONSENT_WITHDRAWN",
                        e.withdrawnOn(), null);
            }
            case "TrainingProjectCreated" -> {
                TrainingProjectCreated e = EventCodec.payload(envelope, TrainingProjectCreated.class);
                sql("""
                        INSERT INTO {schema}.training_project (project_id, beneficiary_id, structure_id, created_on,
                            cpf_eligible, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET created_on = excluded.created_on,
                            cpf_eligible = excluded.cpf_eligible
                        """, e.trainingProjectId(), e.beneficiaryId(), e.structureId(), e.createdOn(), e.cpfEligible(),
                        envelope.recordedAt());
            }
            case "TrainingStarted" -> {
                TrainingStarted e = EventCodec.payload(envelope, TrainingStarted.class);
                project(e.trainingProjectId(), e.beneficiaryId(), e.structureId(), envelope);
                sql("UPDATE {schema}.training_project SET started_on = ?, cpf_funded = ?, started_at = ? "
                                + "WHERE project_id = ?", required(e.startedOn(), "startedOn"), e.cpfFunded(),
                        envelope.recordedAt(), e.trainingProjectId());
            }
            case "TrainingCompleted" -> {
                TrainingCompleted e = EventCodec.payload(envelope, TrainingCompleted.class);
                project(e.trainingProjectId(), e.beneficiaryId(), e.structureId(), envelope);
                sql("UPDATE {schema}.training_project SET completed_on = ?, completed_at = ? WHERE project_id = ?",
                        required(e.completedOn(), "completedOn"), envelope.recordedAt(), e.trainingProjectId());
            }
            case "TrainingNotImplemented" -> {
                TrainingNotImplemented e = EventCodec.payload(envelope, TrainingNotImplemented.class);
                sql("""
                        INSERT INTO {schema}.training_outcome (project_id, beneficiary_id, structure_id, decided_on,
                            reasons, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (project_id) DO UPDATE SET decided_on = excluded.decided_on,
                            reasons = excluded.reasons, recorded_at = excluded.recorded_at
                        """, e.trainingProjectId(), e.beneficiaryId(), e.structureId(), required(e.decidedOn(),
                        "decidedOn"), e.reasons(), envelope.recordedAt());
            }
            case "FundingDecided" -> {
                FundingDecided e = EventCodec.payload(envelope, FundingDecided.class);
                LocalDate decidedOn = e.answeredOn() != null ? e.answeredOn() : envelope.occurredAt()
                        .atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate();
                sql("""
                        INSERT INTO {schema}.funding_decision (event_id, request_id, project_id, beneficiary_id,
                            structure_id, funder, decision, requested_on, decided_on, delay_days, new_fe, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, envelope.eventId(), e.fundingRequestId(), e.trainingProjectId(), e.beneficiaryId(),
                        e.structureId(), required(e.funder(), "funder"), required(e.decision(), "decision"),
                        e.requestedOn(), decidedOn, e.responseDelayDays(), e.newFinancialEngineering(),
                        envelope.recordedAt());
            }
            default -> {
                // balances and funding requests feed no indicator: decisions carry the request's dates
            }
        }
    }

    private void step(EventEnvelope envelope, UUID beneficiaryId, UUID structureId, UUID counsellorId, String step,
            LocalDate on, String modality) {
        sql("""
                INSERT INTO {schema}.cpf_step (event_id, beneficiary_id, structure_id, counsellor_id, step, step_on,
                    modality, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, envelope.eventId(), beneficiaryId, structureId, counsellorId, step, required(on, "date"), modality,
                envelope.recordedAt());
    }

    private void project(UUID projectId, UUID beneficiaryId, UUID structureId, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.training_project (project_id, beneficiary_id, structure_id, recorded_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING
                """, projectId, beneficiaryId, structureId, envelope.recordedAt());
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " is missing");
        }
        return value;
    }

    private void sql(String template, Object... parameters) {
        update(entityManager, generation.sql(template), parameters);
    }
}
