package fr.capemploi.reporting.messaging;

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
import fr.capemploi.reporting.domain.Generation;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Counsellors, beneficiaries (categorical facts only) and referent history from {@code beneficiary.events}. A
 * beneficiary row is created by whichever of the person's events comes first and completed by the others.
 * Structures have their own projection; consents carry nothing an indicator needs.
 */
public class BeneficiaryFactsProjection extends GenerationProjection {

    BeneficiaryFactsProjection(Generation generation, EntityManager entityManager, GenerationBatch batch) {
        super("beneficiary-facts", Topics.BENEFICIARY, generation, entityManager, batch);
        on(CounsellorRegistered.class, this::onCounsellorRegistered);
        on(CounsellorDeactivated.class, this::onCounsellorDeactivated);
        on(CounsellorReactivated.class, this::onCounsellorReactivated);
        on(BeneficiaryRegistered.class, this::onBeneficiaryRegistered);
        on(BeneficiaryProfileChanged.class, this::onBeneficiaryProfileChanged);
        on(ReferentAssigned.class, this::onReferentAssigned);
        on(BeneficiaryExited.class, this::onBeneficiaryExited);
        on(BeneficiaryErased.class, this::onBeneficiaryErased);
    }

    private void onCounsellorRegistered(CounsellorRegistered e, EventEnvelope envelope) {
        counsellorBound(e.counsellorId(), e.structureId(), e.activeFrom(), null, envelope);
    }

    private void onCounsellorDeactivated(CounsellorDeactivated e, EventEnvelope envelope) {
        counsellorBound(e.counsellorId(), e.structureId(), null, e.activeUntil(), envelope);
    }

    private void onCounsellorReactivated(CounsellorReactivated e, EventEnvelope envelope) {
        sql("UPDATE {schema}.counsellor SET active_until = NULL WHERE counsellor_id = ?", e.counsellorId());
        counsellorPeriod(e.counsellorId(), envelope);
    }

    private void onBeneficiaryRegistered(BeneficiaryRegistered e, EventEnvelope envelope) {
        // the profile columns keep the version recorded last, whatever order the events came in
        sql("""
                INSERT INTO {schema}.beneficiary AS t (beneficiary_id, structure_id, entry_date,
                    orientation_source, registered_at, profile_recorded_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (beneficiary_id) DO UPDATE SET structure_id = excluded.structure_id,
                    registered_at = excluded.registered_at,
                    entry_date = CASE WHEN t.profile_recorded_at > excluded.profile_recorded_at
                        THEN t.entry_date ELSE excluded.entry_date END,
                    orientation_source = CASE WHEN t.profile_recorded_at > excluded.profile_recorded_at
                        THEN t.orientation_source ELSE excluded.orientation_source END,
                    profile_recorded_at = greatest(t.profile_recorded_at, excluded.profile_recorded_at)
                """, e.beneficiaryId(), e.structureId(), e.entryDate(), e.orientationSource(),
                envelope.recordedAt(), envelope.recordedAt(), envelope.recordedAt());
        profile(e.beneficiaryId(), e.entryDate(), e.orientationSource(), envelope);
        if (e.referentCounsellorId() != null) {
            referent(e.beneficiaryId(), e.referentCounsellorId(), e.structureId(), e.entryDate(), envelope);
        }
        portfolio(e.beneficiaryId(), envelope);
    }

    private void onBeneficiaryProfileChanged(BeneficiaryProfileChanged e, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.beneficiary AS t (beneficiary_id, structure_id, entry_date,
                    orientation_source, profile_recorded_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (beneficiary_id) DO UPDATE SET
                    entry_date = CASE WHEN t.profile_recorded_at > excluded.profile_recorded_at
                        THEN t.entry_date ELSE excluded.entry_date END,
                    orientation_source = CASE WHEN t.profile_recorded_at > excluded.profile_recorded_at
                        THEN t.orientation_source ELSE excluded.orientation_source END,
                    profile_recorded_at = greatest(t.profile_recorded_at, excluded.profile_recorded_at)
                """, e.beneficiaryId(), e.structureId(), e.entryDate(), e.orientationSource(),
                envelope.recordedAt(), envelope.recordedAt());
        profile(e.beneficiaryId(), e.entryDate(), e.orientationSource(), envelope);
        portfolio(e.beneficiaryId(), envelope);
    }

    private void onReferentAssigned(ReferentAssigned e, EventEnvelope envelope) {
        ensureBeneficiary(e.beneficiaryId(), e.structureId(), envelope);
        referent(e.beneficiaryId(), e.counsellorId(), e.structureId(), e.assignedOn(), envelope);
        portfolio(e.beneficiaryId(), envelope);
    }

    private void onBeneficiaryExited(BeneficiaryExited e, EventEnvelope envelope) {
        ensureBeneficiary(e.beneficiaryId(), e.structureId(), envelope);
        // one statement for the round's exits: an UPDATE is not rewritten into multi-row, and each statement runs
        // the beneficiary table's statement-level triggers once
        sqlRows("""
                UPDATE {schema}.beneficiary b SET exit_date = i.exit_date, exit_reason = i.exit_reason,
                    exit_recorded_at = i.recorded_at
                FROM unnest(?::uuid[], ?::date[], ?::text[], ?::timestamptz[])
                    AS i(beneficiary_id, exit_date, exit_reason, recorded_at)
                WHERE b.beneficiary_id = i.beneficiary_id
                """, e.beneficiaryId(), e.exitDate(), e.reason(), envelope.recordedAt());
        portfolio(e.beneficiaryId(), envelope);
    }

    private void onBeneficiaryErased(BeneficiaryErased e, EventEnvelope envelope) {
        // nothing personal is held here; the tombstone keeps the person in past counts
        ensureBeneficiary(e.beneficiaryId(), e.structureId(), envelope);
        sql("UPDATE {schema}.beneficiary SET erased = TRUE WHERE beneficiary_id = ?", e.beneficiaryId());
    }

    /** Keeps every profile version with the time it was recorded, for "as of" queries. */
    private void profile(UUID beneficiaryId, java.time.LocalDate entryDate, Object orientationSource,
            EventEnvelope envelope) {
        // one statement for the round's people: INSERT … SELECT is not one the driver rewrites into multi-row
        sqlRows("""
                INSERT INTO {schema}.beneficiary_profile (beneficiary_id, version, entry_date, orientation_source,
                    recorded_at)
                SELECT i.beneficiary_id, coalesce((SELECT max(p.version) FROM {schema}.beneficiary_profile p
                           WHERE p.beneficiary_id = i.beneficiary_id), 0) + 1,
                       i.entry_date, i.orientation_source, i.recorded_at
                FROM unnest(?::uuid[], ?::date[], ?::text[], ?::timestamptz[])
                    AS i(beneficiary_id, entry_date, orientation_source, recorded_at)
                """, beneficiaryId, entryDate, orientationSource, envelope.recordedAt());
    }

    /**
     * A registration brings the start of a counsellor's activity, a deactivation its end (the latest correction
     * holds): the bound an event brings replaces the stored one, the other is kept, in whichever order they come.
     */
    private void counsellorBound(UUID counsellorId, UUID structureId, LocalDate activeFrom, LocalDate activeUntil,
            EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.counsellor AS t (counsellor_id, structure_id, active_from, active_until,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (counsellor_id) DO UPDATE SET
                    active_from = coalesce(excluded.active_from, t.active_from),
                    active_until = coalesce(excluded.active_until, t.active_until)
                """, counsellorId, structureId, activeFrom, activeUntil, envelope.recordedAt());
        counsellorPeriod(counsellorId, envelope);
    }

    /** Keeps the counsellor's active period as it stands after each of their events, with its recording time. */
    private void counsellorPeriod(UUID counsellorId, EventEnvelope envelope) {
        sql("""
                INSERT INTO {schema}.counsellor_period (counsellor_id, version, structure_id, active_from,
                    active_until, recorded_at)
                SELECT c.counsellor_id, coalesce((SELECT max(p.version) FROM {schema}.counsellor_period p
                           WHERE p.counsellor_id = c.counsellor_id), 0) + 1,
                       c.structure_id, c.active_from, c.active_until, ?
                FROM {schema}.counsellor c WHERE c.counsellor_id = ?
                """, envelope.recordedAt(), counsellorId);
    }

    /**
     * Brings the person's portfolio spans up to date after one of their events: the spans that no longer hold are
     * marked superseded at the event's recording time, the new ones are recorded with it, and the monthly counts
     * per counsellor move accordingly. A span is a stretch of business days during which the person is present
     * (entered, not exited) and in one referent's portfolio, the referent being the latest assigned by that day.
     * The person's events share one partition, so they are applied in the order they were recorded. One statement
     * brings the people of a round up to date (one row each: their event's id and recording time), each as it would
     * alone: it was the heaviest statement of a rebuild, three per person. The tables are read by the round's people
     * as one array ({@code = ANY}), not by a join on the input's rows: a cached generic plan counts {@code unnest}'s
     * rows as 100 whatever the round's size, and joined on that guess the plan went from index look-ups to hashing
     * whole tables and back as they grew and were analysed (its cost per event varied sevenfold across the networks
     * of one benchmark, bench/JOURNAL.md); an array's elements are guessed as 10, so look-ups by index once the
     * tables outgrow a few pages. The person's current spans are read once: one full join of the fresh spans against
     * them yields both the spans gone and the spans added ({@code changed}), each carrying what its write needs (the
     * round's recording time came with the current spans), so that no part joins a CTE of the round by a nested loop
     * — the generic plan guesses one row for a CTE and then compared every span gone with every fresh span and every
     * fresh span with every person of the round, ~60,000 comparisons for a round of 170 people, half the statement's
     * time (bench/JOURNAL.md, "The portfolio statement planned"). A month whose moves sum to nothing is written only
     * when its row is missing (inserted with 0 as before): a new referent or an exit ends a span and starts another
     * from the same day, and an update adding 0 to the row was a quarter of the month upsert's rows in a rebuild.
     */
    private void portfolio(UUID beneficiaryId, EventEnvelope envelope) {
        sqlRows("""
                WITH input AS (
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) AS i(beneficiary_id, event_id,
                        recorded_at)
                ),
                people AS (SELECT array_agg(beneficiary_id) AS ids FROM input),
                fresh AS (
                    SELECT * FROM (
                        SELECT b.beneficiary_id, b.structure_id, r.counsellor_id,
                               greatest(r.assigned_on, b.entry_date) AS from_on,
                               least(lead(r.assigned_on) OVER (PARTITION BY r.beneficiary_id
                                   ORDER BY r.assigned_on, r.recorded_at, r.counsellor_id), b.exit_date) AS until_on
                        FROM {schema}.referent_assignment r
                            JOIN {schema}.beneficiary b ON b.beneficiary_id = r.beneficiary_id
                        WHERE r.beneficiary_id = ANY ((SELECT ids FROM people)::uuid[])
                          AND b.beneficiary_id = ANY ((SELECT ids FROM people)::uuid[])
                          AND b.registered_at IS NOT NULL AND b.entry_date IS NOT NULL
                    ) s WHERE s.until_on IS NULL OR s.until_on > s.from_on
                ),
                current AS (
                    SELECT s.beneficiary_id, s.event_id, s.structure_id, s.counsellor_id, s.from_on, s.until_on,
                           i.recorded_at
                    FROM {schema}.portfolio_span s JOIN input i ON i.beneficiary_id = s.beneficiary_id
                    WHERE s.beneficiary_id = ANY ((SELECT ids FROM people)::uuid[]) AND s.superseded_at IS NULL
                ),
                changed AS (
                    SELECT coalesce(f.beneficiary_id, c.beneficiary_id) AS beneficiary_id, c.event_id,
                           c.recorded_at AS superseded_at,
                           coalesce(f.structure_id, c.structure_id) AS structure_id,
                           coalesce(f.counsellor_id, c.counsellor_id) AS counsellor_id,
                           coalesce(f.from_on, c.from_on) AS from_on,
                           CASE WHEN c.beneficiary_id IS NULL THEN f.until_on ELSE c.until_on END AS until_on
                    FROM fresh f FULL JOIN current c ON c.beneficiary_id = f.beneficiary_id
                        AND c.structure_id = f.structure_id AND c.counsellor_id = f.counsellor_id
                        AND c.from_on = f.from_on
                        AND coalesce(c.until_on, 'infinity') = coalesce(f.until_on, 'infinity')
                    WHERE f.beneficiary_id IS NULL OR c.beneficiary_id IS NULL
                ),
                gone AS (
                    UPDATE {schema}.portfolio_span s SET superseded_at = g.superseded_at
                    FROM changed g
                    WHERE g.event_id IS NOT NULL AND s.beneficiary_id = g.beneficiary_id
                      AND s.event_id = g.event_id AND s.counsellor_id = g.counsellor_id AND s.from_on = g.from_on
                ),
                added AS (
                    INSERT INTO {schema}.portfolio_span (beneficiary_id, event_id, structure_id, counsellor_id, from_on,
                        until_on, recorded_at)
                    SELECT g.beneficiary_id, i.event_id, g.structure_id, g.counsellor_id, g.from_on, g.until_on,
                           i.recorded_at
                    FROM changed g JOIN input i ON i.beneficiary_id = g.beneficiary_id
                    WHERE g.event_id IS NULL
                ),
                moves AS (
                    SELECT structure_id, counsellor_id, CAST(date_trunc('month', on_day) AS DATE) AS month,
                           sum(delta) AS members
                    FROM changed, LATERAL (VALUES (from_on, CASE WHEN event_id IS NULL THEN 1 ELSE -1 END),
                        (until_on, CASE WHEN event_id IS NULL THEN -1 ELSE 1 END)) AS v(on_day, delta)
                    WHERE on_day IS NOT NULL
                    GROUP BY 1, 2, 3
                )
                INSERT INTO {schema}.portfolio_month AS m (structure_id, counsellor_id, month, members)
                SELECT v.structure_id, v.counsellor_id, v.month, v.members FROM moves v
                WHERE v.members <> 0 OR NOT EXISTS (SELECT 1 FROM {schema}.portfolio_month p
                    WHERE p.structure_id = v.structure_id AND p.counsellor_id = v.counsellor_id AND p.month = v.month)
                ON CONFLICT (structure_id, counsellor_id, month) DO UPDATE SET members = m.members + excluded.members
                """, beneficiaryId, envelope.eventId(), envelope.recordedAt());
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

}
