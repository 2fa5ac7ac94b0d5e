package fr.capemploi.reporting.messaging;

import fr.capemploi.events.EventEnvelope;
import fr.capemploi.events.MalformedEventException;
import fr.capemploi.events.Topics;
import fr.capemploi.events.cep.AccompanimentClosed;
import fr.capemploi.events.cep.AccompanimentLevelChanged;
import fr.capemploi.events.cep.AccompanimentLevels;
import fr.capemploi.events.cep.AccompanimentOpened;
import fr.capemploi.events.cep.ActionCancelled;
import fr.capemploi.events.cep.ActionCompleted;
import fr.capemploi.events.cep.ActionPlanned;
import fr.capemploi.events.cep.CepInformationGiven;
import fr.capemploi.events.cep.InterviewHeld;
import fr.capemploi.events.cep.Level1ContactRecorded;
import fr.capemploi.events.cep.Level1ContactRouted;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted;
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;

/**
 * Level-1 contacts, accompaniments and their levels, CEP information, interviews, action-plan items and operator
 * declarations from {@code cep.events}. Nothing here waits for the person's registration on another topic.
 * Diagnostics and syntheses feed no indicator of the catalogue: no method reads them.
 */
public class CepFactsProjection extends GenerationProjection {

    CepFactsProjection(Generation generation, EntityManager entityManager, GenerationBatch batch) {
        super("cep-facts", Topics.CEP, generation, entityManager, batch);
        on(Level1ContactRecorded.class, this::onLevel1ContactRecorded);
        on(Level1ContactRouted.class, this::onLevel1ContactRouted);
        on(AccompanimentOpened.class, this::onAccompanimentOpened);
        on(AccompanimentLevelChanged.class, this::onAccompanimentLevelChanged);
        on(AccompanimentClosed.class, this::onAccompanimentClosed);
        on(CepInformationGiven.class, this::onCepInformationGiven);
        on(InterviewHeld.class, this::onInterviewHeld);
        on(ActionPlanned.class, this::onActionPlanned);
        on(ActionCompleted.class, this::onActionCompleted);
        on(ActionCancelled.class, this::onActionCancelled);
        on(OperatorDeclarationSubmitted.class, (e, envelope) -> declaration(envelope, e));
    }

    private void onLevel1ContactRecorded(Level1ContactRecorded e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.level1_contact AS t (contact_id, structure_id, counsellor_id, beneficiary_id,
                    contact_date, channel, request, liaison_sheet, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contact_id) DO UPDATE SET contact_date = excluded.contact_date,
                    counsellor_id = excluded.counsellor_id, beneficiary_id = excluded.beneficiary_id,
                    channel = excluded.channel, request = excluded.request,
                    liaison_sheet = t.liaison_sheet OR excluded.liaison_sheet
                """, e.contactId(), e.structureId(), e.counsellorId(), e.beneficiaryId(), required(e.contactDate(),
                "contactDate"), e.channel(), e.request(), e.liaisonSheetIssued(), envelope.recordedAt());
    }

    private void onLevel1ContactRouted(Level1ContactRouted e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.level1_contact AS t (contact_id, structure_id, beneficiary_id, contact_date,
                    liaison_sheet, routed_to, routed_on, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contact_id) DO UPDATE SET routed_to = excluded.routed_to,
                    routed_on = excluded.routed_on,
                    liaison_sheet = t.liaison_sheet OR excluded.liaison_sheet
                """, e.contactId(), e.structureId(), e.beneficiaryId(), required(e.routedOn(), "routedOn"),
                e.liaisonSheetIssued(), e.routedTo(), e.routedOn(), envelope.recordedAt());
    }

    private void onAccompanimentOpened(AccompanimentOpened e, EventEnvelope envelope) {
        level(e.level());
        sql("""
                INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, referent_id,
                    level, service, opened_on, opened_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (accompaniment_id) DO UPDATE SET referent_id = excluded.referent_id,
                    level = excluded.level, service = excluded.service, opened_on = excluded.opened_on,
                    opened_at = excluded.opened_at
                """, e.accompanimentId(), e.beneficiaryId(), e.structureId(), e.referentCounsellorId(), e.level(),
                e.capEmploiService(), required(e.startDate(), "startDate"), envelope.recordedAt(),
                envelope.recordedAt());
        levelHeld(envelope, e.accompanimentId(), e.beneficiaryId(), e.structureId(), e.referentCounsellorId(),
                e.level(), e.capEmploiService(), e.startDate());
    }

    private void onAccompanimentLevelChanged(AccompanimentLevelChanged e, EventEnvelope envelope) {
        level(e.toLevel());
        levelHeld(envelope, e.accompanimentId(), e.beneficiaryId(), e.structureId(), e.referentCounsellorId(),
                e.toLevel(), e.capEmploiService(), required(e.changedOn(), "changedOn"));
    }

    private void onAccompanimentClosed(AccompanimentClosed e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.accompaniment (accompaniment_id, beneficiary_id, structure_id, referent_id,
                    level, service, closed_on, outcome, decision_taken, closed_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (accompaniment_id) DO UPDATE SET closed_on = excluded.closed_on,
                    outcome = excluded.outcome, decision_taken = excluded.decision_taken,
                    closed_at = excluded.closed_at
                """, e.accompanimentId(), e.beneficiaryId(), e.structureId(), e.referentCounsellorId(), e.level(),
                e.capEmploiService(), required(e.closedOn(), "closedOn"), e.outcome(), e.decisionTaken(),
                envelope.recordedAt(), envelope.recordedAt());
    }

    private void onCepInformationGiven(CepInformationGiven e, EventEnvelope envelope) {
        copy("{schema}.cep_information (event_id, accompaniment_id, beneficiary_id, structure_id, counsellor_id,"
                + " informed_on, recorded_at)", envelope.eventId(), e.accompanimentId(), e.beneficiaryId(),
                e.structureId(), e.counsellorId(), required(e.informedOn(), "informedOn"), envelope.recordedAt());
    }

    private void onInterviewHeld(InterviewHeld e, EventEnvelope envelope) {
        copy("{schema}.interview (event_id, interview_id, accompaniment_id, beneficiary_id, structure_id,"
                + " counsellor_id, held_on, duration_minutes, mode, level, recorded_at)", envelope.eventId(),
                e.interviewId(), e.accompanimentId(), e.beneficiaryId(), e.structureId(), e.counsellorId(),
                required(e.heldOn(), "heldOn"), e.durationMinutes(), e.mode(), e.cepLevel(), envelope.recordedAt());
    }

    private void onActionPlanned(ActionPlanned e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.action (action_id, accompaniment_id, beneficiary_id, structure_id, kind,
                    pmsmp_purpose, alternance_contract, planned_on, planned_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (action_id) DO UPDATE SET kind = excluded.kind,
                    pmsmp_purpose = excluded.pmsmp_purpose, alternance_contract = excluded.alternance_contract,
                    planned_on = excluded.planned_on, planned_at = excluded.planned_at
                """, e.actionId(), e.accompanimentId(), e.beneficiaryId(), e.structureId(), required(e.kind(), "kind"),
                e.pmsmpPurpose(), e.alternanceContract(), required(e.plannedOn(), "plannedOn"),
                envelope.recordedAt(), envelope.recordedAt());
    }

    private void onActionCompleted(ActionCompleted e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.action AS t (action_id, accompaniment_id, beneficiary_id, structure_id, kind,
                    pmsmp_purpose, alternance_contract, done_on, done_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (action_id) DO UPDATE SET done_on = excluded.done_on, done_at = excluded.done_at,
                    pmsmp_purpose = coalesce(excluded.pmsmp_purpose, t.pmsmp_purpose),
                    alternance_contract = coalesce(excluded.alternance_contract,
                        t.alternance_contract)
                """, e.actionId(), e.accompanimentId(), e.beneficiaryId(), e.structureId(), required(e.kind(), "kind"),
                e.pmsmpPurpose(), e.alternanceContract(), required(e.completedOn(), "completedOn"),
                envelope.recordedAt(), envelope.recordedAt());
    }

    private void onActionCancelled(ActionCancelled e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.action (action_id, accompaniment_id, beneficiary_id, structure_id, kind,
                    cancelled_on, cancelled_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (action_id) DO UPDATE SET cancelled_on = excluded.cancelled_on,
                    cancelled_at = excluded.cancelled_at
                """, e.actionId(), e.accompanimentId(), e.beneficiaryId(), e.structureId(), required(e.kind(), "kind"),
                required(e.cancelledOn(), "cancelledOn"), envelope.recordedAt(), envelope.recordedAt());
    }

    private void declaration(EventEnvelope envelope, OperatorDeclarationSubmitted e) {
        required(e.periodStart(), "periodStart");
        required(e.periodEnd(), "periodEnd");
        sql("""
                INSERT INTO {schema}.declaration (structure_id, period, period_start, period_end, version, submitted_on,
                    level1_only_fte, levels23_only_fte, all_levels_fte, total_fte, support_fte,
                    professionalisation_engaged, professionalisation_actions, systematic_training, cep_training_days,
                    counsellors_trained, at_least_one_cep_training, mutualised_offer_used, mutualised_offer_natures,
                    level1_delivered, trainings_fit_needs, cpf_rules_mastered, new_funders_used, spro_tools_developed,
                    cep_kit_used_internally, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, e.structureId(), e.period(), e.periodStart(), e.periodEnd(), e.version(), e.submittedOn(),
                fte(e.level1OnlyCounsellorFte()), fte(e.levels2And3OnlyCounsellorFte()), fte(e.allLevelsCounsellorFte()),
                fte(e.totalCounsellorFte()), fte(e.supportFte()), e.professionalisationActionsEngaged(),
                e.professionalisationActions() == null ? List.of() : e.professionalisationActions(),
                e.systematicTrainingForNewCounsellors(), e.cepTrainingDays() == null ? null : fte(e.cepTrainingDays()),
                e.counsellorsTrained(), e.atLeastOneCepTraining(), e.mutualisedOfferUsed(),
                e.mutualisedOfferNatures() == null ? List.of() : e.mutualisedOfferNatures(), e.level1Delivered(),
                e.trainingsFitNeeds(), e.cpfRulesMastered(), e.newFundersUsed(), e.sproToolsDeveloped(),
                e.cepKitUsedInternally(), envelope.recordedAt());
    }

    private void levelHeld(EventEnvelope envelope, Object accompanimentId, Object beneficiaryId, Object structureId,
            Object referentId, int level, Object service, Object from) {
        copy("{schema}.accompaniment_level (event_id, accompaniment_id, beneficiary_id, structure_id, referent_id,"
                + " level, service, from_date, recorded_at)", envelope.eventId(), accompanimentId, beneficiaryId,
                structureId, referentId, level, service, from, envelope.recordedAt());
    }

    private static BigDecimal fte(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static void level(int level) {
        if (!AccompanimentLevels.isAccompanimentLevel(level)) {
            throw new MalformedEventException("an accompaniment is at CEP level 2 or 3, not " + level);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " is missing");
        }
        return value;
    }

}
