-- A join with the distinct set of the accompanied rather than a test per person: at a million people, one hash
-- join instead of a million index probes.
-- @needs: accompanied
-- @main
SELECT count(*) FILTER (WHERE r.beneficiary_id IS NOT NULL) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM accompanied)) AS contributing
FROM (SELECT DISTINCT beneficiary_id FROM accompanied) a
LEFT JOIN (SELECT DISTINCT s.beneficiary_id FROM {schema}.cpf_step s
           WHERE s.step = 'PRESENTED' AND s.step_on <= :pe AND s.recorded_at <= :asOf) r ON r.beneficiary_id = a.beneficiary_id
