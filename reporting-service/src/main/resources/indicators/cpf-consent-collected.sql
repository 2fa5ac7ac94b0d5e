-- A join with the set of the accompanied (each person once) rather than a test per person: at a million people,
-- one hash join instead of a million index probes.
-- A step dated by the period's end counts unless withdrawn (a consent) on or before the period's start. The withdrawal
-- named as a constant, not `s.step || '_WITHDRAWN'`: the index on (step, step_on) (V9) then reads the few withdrawals
-- instead of every step dated by the period's start.
-- @needs: accompanied
-- @main
SELECT count(*) FILTER (WHERE r.beneficiary_id IS NOT NULL) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM active)) AS contributing
FROM accompanied a
LEFT JOIN (SELECT DISTINCT s.beneficiary_id FROM {schema}.cpf_step s
           WHERE s.step = 'CONSENT' AND s.step_on <= :pe AND s.recorded_at <= :asOf
             AND NOT EXISTS (SELECT 1 FROM {schema}.cpf_step w WHERE w.beneficiary_id = s.beneficiary_id
                             AND w.step = 'CONSENT_WITHDRAWN' AND w.step_on >= s.step_on
                             AND w.step_on <= :ps AND w.recorded_at <= :asOf)) r ON r.beneficiary_id = a.beneficiary_id
-- @breakdown
-- count(*) over DISTINCT rather than count(DISTINCT): a hash of the pairs, where count(DISTINCT) sorts them
SELECT x.modality AS key, count(*) AS num, (SELECT count(*) FROM accompanied) AS den
FROM (SELECT DISTINCT s.modality, s.beneficiary_id FROM {schema}.cpf_step s
WHERE s.step = 'CONSENT' AND s.step_on <= :pe AND s.recorded_at <= :asOf
  AND s.modality IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {schema}.cpf_step w WHERE w.beneficiary_id = s.beneficiary_id
                  AND w.step = 'CONSENT_WITHDRAWN' AND w.step_on >= s.step_on
                  AND w.step_on <= :ps AND w.recorded_at <= :asOf)
  AND s.beneficiary_id IN (SELECT beneficiary_id FROM accompanied)) x
GROUP BY x.modality ORDER BY 1
-- @now-needs: members
-- @now-main
SELECT CAST(coalesce(sum(n) FILTER (WHERE line = 'cpf-consent'), 0) AS BIGINT) AS num,
       CAST(coalesce(sum(n) FILTER (WHERE line = 'accompanied'), 0) AS BIGINT) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = 'accompanied' AND n > 0)) AS contributing
FROM members
-- @now-breakdown
SELECT substr(line, length('consent-') + 1) AS key, CAST(sum(n) AS BIGINT) AS num,
       (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM members WHERE line = 'accompanied') AS den
FROM members WHERE line LIKE 'consent-%' GROUP BY line HAVING sum(n) > 0 ORDER BY 1
