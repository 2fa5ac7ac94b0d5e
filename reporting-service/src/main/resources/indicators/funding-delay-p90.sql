-- Continuous percentile (interpolated) of the answers' delays; withdrawals carry no answer.
-- @needs: decisions
-- @main
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY delay_days) AS num, count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM answers)) AS contributing
FROM answers
-- @breakdown
SELECT funder AS key, percentile_cont(0.9) WITHIN GROUP (ORDER BY delay_days) AS num, count(*) AS den FROM answers
GROUP BY funder ORDER BY 1
