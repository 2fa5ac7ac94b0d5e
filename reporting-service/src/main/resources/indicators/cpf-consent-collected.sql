-- @as: cpf-step step=CONSENT, line=cpf-consent
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
-- @now-breakdown
SELECT substr(line, length('consent-') + 1) AS key, CAST(sum(n) AS BIGINT) AS num,
       (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM members WHERE line = 'accompanied') AS den
FROM members WHERE line LIKE 'consent-%' GROUP BY line HAVING sum(n) > 0 ORDER BY 1
