-- The share of the accompanied people who reached a CPF step (`{step}`) by the period's end, counted in the
-- people's pre-aggregates on the line `{line}`.
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
           WHERE s.step = '{step}' AND s.step_on <= :pe AND s.recorded_at <= :asOf
             AND NOT EXISTS (SELECT 1 FROM {schema}.cpf_step w WHERE w.beneficiary_id = s.beneficiary_id
                             AND w.step = '{step}_WITHDRAWN' AND w.step_on >= s.step_on
                             AND w.step_on <= :ps AND w.recorded_at <= :asOf)) r ON r.beneficiary_id = a.beneficiary_id
-- @now-needs: members
-- @now-main
SELECT CAST(coalesce(sum(n) FILTER (WHERE line = '{line}'), 0) AS BIGINT) AS num,
       CAST(coalesce(sum(n) FILTER (WHERE line = 'accompanied'), 0) AS BIGINT) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = 'accompanied' AND n > 0)) AS contributing
FROM members
