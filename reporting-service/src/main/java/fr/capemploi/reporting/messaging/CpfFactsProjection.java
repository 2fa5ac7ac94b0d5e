package fr.capemploi.reporting.messaging;

import fr.capemploi.platform.time.BusinessDay;
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
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;

/**
 * CPF steps, training projects, their outcomes and funding decisions from {@code cpf.events}. Balances and funding
 * requests feed no indicator (decisions carry the request's dates): no method reads them.
 */
public class CpfFactsProjection extends GenerationProjection {

    CpfFactsProjection(Generation generation, EntityManager entityManager, GenerationBatch batch) {
        super("cpf-facts", Topics.CPF, generation, entityManager, batch);
        on(CpfPresented.class, this::onCpfPresented);
        on(CpfAccountOpeningAssisted.class, this::onCpfAccountOpeningAssisted);
        on(CpfAccountAlreadyOpen.class, this::onCpfAccountAlreadyOpen);
        on(CpfConsentGiven.class, this::onCpfConsentGiven);
        on(CpfConsentWithdrawn.class, this::onCpfConsentWithdrawn);
        on(TrainingProjectCreated.class, this::onTrainingProjectCreated);
        on(TrainingStarted.class, this::onTrainingStarted);
        on(TrainingCompleted.class, this::onTrainingCompleted);
        on(TrainingNotImplemented.class, this::onTrainingNotImplemented);
        on(FundingDecided.class, this::onFundingDecided);
    }

    private void onCpfPresented(CpfPresented e, EventEnvelope envelope) {
        step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "PRESENTED", e.presentedOn(), null);
    }

    private void onCpfAccountOpeningAssisted(CpfAccountOpeningAssisted e, EventEnvelope envelope) {
        step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "OPENING_ASSISTED", e.assistedOn(),
                null);
    }

    private void onCpfAccountAlreadyOpen(CpfAccountAlreadyOpen e, EventEnvelope envelope) {
        step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "ALREADY_OPEN", e.notedOn(), null);
    }

    private void onCpfConsentGiven(CpfConsentGiven e, EventEnvelope envelope) {
        step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "CONSENT", e.givenOn(),
                e.modality() == null ? null : e.modality().name());
    }

    private void onCpfConsentWithdrawn(CpfConsentWithdrawn e, EventEnvelope envelope) {
        step(envelope, e.beneficiaryId(), e.structureId(), e.counsellorId(), "CONSENT_WITHDRAWN",
                e.withdrawnOn(), null);
    }

    private void onTrainingProjectCreated(TrainingProjectCreated e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.training_project (project_id, beneficiary_id, structure_id, created_on,
                    cpf_eligible, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET created_on = excluded.created_on,
                    cpf_eligible = excluded.cpf_eligible
                """, e.trainingProjectId(), e.beneficiaryId(), e.structureId(), e.createdOn(), e.cpfEligible(),
                envelope.recordedAt());
    }

    private void onTrainingStarted(TrainingStarted e, EventEnvelope envelope) {
        project(e.trainingProjectId(), e.beneficiaryId(), e.structureId(), envelope);
        sql("UPDATE {schema}.training_project SET started_on = ?, cpf_funded = ?, started_at = ? "
                        + "WHERE project_id = ?", required(e.startedOn(), "startedOn"), e.cpfFunded(),
                envelope.recordedAt(), e.trainingProjectId());
    }

    private void onTrainingCompleted(TrainingCompleted e, EventEnvelope envelope) {
        project(e.trainingProjectId(), e.beneficiaryId(), e.structureId(), envelope);
        sql("UPDATE {schema}.training_project SET completed_on = ?, completed_at = ? WHERE project_id = ?",
                required(e.completedOn(), "completedOn"), envelope.recordedAt(), e.trainingProjectId());
    }

    private void onTrainingNotImplemented(TrainingNotImplemented e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.training_outcome (project_id, beneficiary_id, structure_id, decided_on,
                    reasons, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (project_id) DO UPDATE SET decided_on = excluded.decided_on,
                    reasons = excluded.reasons, recorded_at = excluded.recorded_at
                """, e.trainingProjectId(), e.beneficiaryId(), e.structureId(), required(e.decidedOn(),
                "decidedOn"), e.reasons(), envelope.recordedAt());
    }

    private void onFundingDecided(FundingDecided e, EventEnvelope envelope) {
        LocalDate decidedOn = e.answeredOn() != null ? e.answeredOn() : BusinessDay.of(envelope.occurredAt());
        copy("{schema}.funding_decision (event_id, request_id, project_id, beneficiary_id, structure_id, funder,"
                + " decision, requested_on, decided_on, delay_days, new_fe, recorded_at)", envelope.eventId(),
                e.fundingRequestId(), e.trainingProjectId(), e.beneficiaryId(), e.structureId(),
                required(e.funder(), "funder"), required(e.decision(), "decision"), e.requestedOn(), decidedOn,
                e.responseDelayDays(), e.newFinancialEngineering(), envelope.recordedAt());
    }

    private void step(EventEnvelope envelope, UUID beneficiaryId, UUID structureId, UUID counsellorId, String step,
            LocalDate on, String modality) {
        copy("{schema}.cpf_step (event_id, beneficiary_id, structure_id, counsellor_id, step, step_on, modality,"
                + " recorded_at)", envelope.eventId(), beneficiaryId, structureId, counsellorId, step,
                required(on, "date"), modality, envelope.recordedAt());
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

}
