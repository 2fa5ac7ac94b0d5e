-- A join with the set of the accompanied (each person once) rather than a test per person: at a million people,
-- one hash join instead of a million index probes.
-- @needs: accompanied
-- @main
SELECT count(*) FILTER (WHERE r.beneficiary_id IS NOT NULL) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM active)) AS contributing
FROM accompanied a
LEFT JOIN (SELECT DISTINCT i.beneficiary_id FROM {schema}.cep_information i
           WHERE i.informed_on <= :pe AND i.recorded_at <= :asOf) r ON r.beneficiary_id = a.beneficiary_id
-- @now-needs: members
-- @now-main
SELECT CAST(coalesce(sum(n) FILTER (WHERE line = 'informed'), 0) AS BIGINT) AS num,
       CAST(coalesce(sum(n) FILTER (WHERE line = 'accompanied'), 0) AS BIGINT) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM members
                                                       WHERE line = 'accompanied' AND n > 0)) AS contributing
FROM members
