-- What the people's pre-aggregates (member_item and its sums, "as of now") would count wrongly for a past asOf: the
-- people with a fact recorded after asOf that can change whether they are in the period on some line, and what they
-- count in it now (their items) and as of asOf (their facts with the exact path's rules). Every other person is in
-- the period as of asOf exactly as now: a fact recorded later that cannot touch the period (a contact, a level,
-- a CPF step or a piece of CEP information dated after its end; a closure recorded later but dated on or after its
-- start, which ends the accompaniment in or after the period where asOf saw it open) changes none of their lines.
-- The set `members` takes their items back and adds what they counted as of asOf.
-- Each branch finds the late facts by their recording lag (V10: the days from the business date to the recording
-- day, in UTC): a fact dated by the period's end and recorded after asOf lags at least the days from the period's
-- end to asOf's day, which at a past asOf well after the period is a handful of rows, not every fact of the period.
late_people AS (
    -- @insert: late-people-by person=coalesce(r.beneficiary_id, r.contact_id) AS person, table=level1_contact, recorded=r.recorded_at, dated=r.contact_date, within=BETWEEN :ps AND :pe
    UNION
    -- @insert: late-people-by person=r.beneficiary_id, table=accompaniment, recorded=r.opened_at, dated=r.opened_on, within=<= :pe
    UNION
    SELECT a.beneficiary_id FROM {schema}.accompaniment a
    WHERE CAST(a.closed_at AT TIME ZONE 'UTC' AS DATE) - a.closed_on
              > CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:ps AS DATE)
      AND a.closed_at > :asOf AND a.closed_on < :ps
    UNION
    -- @insert: late-people-by person=r.beneficiary_id, table=accompaniment_level, recorded=r.recorded_at, dated=r.from_date, within=<= :pe
    UNION
    -- @insert: late-people-by person=r.beneficiary_id, table=cep_information, recorded=r.recorded_at, dated=r.informed_on, within=<= :pe
    UNION
    -- @insert: late-people-by person=r.beneficiary_id, table=cpf_step, recorded=r.recorded_at, dated=r.step_on, within=<= :pe
),
-- What they count now: their items meeting the period, as the set `members` sums them. Here and below each person
-- is looked up by index (an array, not a semi-join: the planner, blind to how few the late people are, would scan
-- whole tables to hash them).
late_now AS (
    SELECT i.person, i.line, i.structure_id, sum(i.w) AS c FROM {schema}.member_item i
    WHERE i.person = ANY(ARRAY(SELECT person FROM late_people)) AND i.a <= :pe AND i.b >= :ps AND i.line <> 'referent'
      AND i.structure_id IN (SELECT structure_id FROM scope_structures)
    GROUP BY i.person, i.line, i.structure_id
),
-- what they count as of asOf, by the rules of the sets active, held and l1 and of the shares' numerators
late_active AS (
    SELECT a.beneficiary_id AS person, a.structure_id FROM {schema}.accompaniment a
    WHERE a.beneficiary_id = ANY(ARRAY(SELECT person FROM late_people))
      AND a.opened_at <= :asOf AND a.opened_on <= :pe
      AND (a.closed_at IS NULL OR a.closed_at > :asOf OR a.closed_on >= :ps)
      AND a.structure_id IN (SELECT structure_id FROM scope_structures)
),
late_held AS (
    SELECT lv.person, lv.structure_id, lv.level, lv.service FROM (
        SELECT l.beneficiary_id AS person, l.structure_id, l.level, l.service, l.from_date,
               lead(l.from_date) OVER (PARTITION BY l.accompaniment_id ORDER BY l.from_date, l.recorded_at)
                   AS next_from
        FROM {schema}.accompaniment_level l
        WHERE l.beneficiary_id = ANY(ARRAY(SELECT person FROM late_people)) AND l.recorded_at <= :asOf
          AND l.structure_id IN (SELECT structure_id FROM scope_structures)
          AND NOT EXISTS (SELECT 1 FROM {schema}.accompaniment c WHERE c.accompaniment_id = l.accompaniment_id
                            AND c.closed_at <= :asOf AND c.closed_on < :ps)
    ) lv
    WHERE lv.from_date <= :pe AND (lv.next_from IS NULL OR lv.next_from > :ps)
      AND (lv.next_from IS NULL OR lv.next_from > lv.from_date)
),
late_steps AS (
    SELECT s.beneficiary_id AS person, s.step, s.modality FROM {schema}.cpf_step s
    WHERE s.beneficiary_id = ANY(ARRAY(SELECT person FROM late_people))
      AND s.step IN ('PRESENTED', 'OPENING_ASSISTED', 'CONSENT') AND s.step_on <= :pe AND s.recorded_at <= :asOf
      AND NOT EXISTS (SELECT 1 FROM {schema}.cpf_step w WHERE w.beneficiary_id = s.beneficiary_id
                      AND w.step = s.step || '_WITHDRAWN' AND w.step_on >= s.step_on
                      AND w.step_on <= :ps AND w.recorded_at <= :asOf)
),
late_then AS (
    SELECT DISTINCT x.person, x.line, x.structure_id FROM (
        SELECT person, 'all' AS line, structure_id FROM late_held
        UNION ALL SELECT person, 'level-' || level, structure_id FROM late_held
        UNION ALL SELECT person, 'service-' || service, structure_id FROM late_held WHERE service IS NOT NULL
        UNION ALL SELECT coalesce(c.beneficiary_id, c.contact_id), l.line, c.structure_id
        FROM {schema}.level1_contact c CROSS JOIN (VALUES ('all'), ('level-1'), ('l1')) l (line)
        WHERE coalesce(c.beneficiary_id, c.contact_id) = ANY(ARRAY(SELECT person FROM late_people))
          AND c.recorded_at <= :asOf AND c.contact_date BETWEEN :ps AND :pe
          AND c.structure_id IN (SELECT structure_id FROM scope_structures)
        UNION ALL SELECT person, 'accompanied', structure_id FROM late_active
        UNION ALL SELECT a.person, 'informed', a.structure_id FROM late_active a
        WHERE EXISTS (SELECT 1 FROM {schema}.cep_information i WHERE i.beneficiary_id = a.person
                        AND i.informed_on <= :pe AND i.recorded_at <= :asOf)
        UNION ALL SELECT a.person, 'cpf-' || lower(s.step), a.structure_id FROM late_active a
        JOIN late_steps s ON s.person = a.person
        UNION ALL SELECT a.person, 'consent-' || s.modality, a.structure_id FROM late_active a
        JOIN late_steps s ON s.person = a.person WHERE s.step = 'CONSENT' AND s.modality IS NOT NULL
    ) x
)
