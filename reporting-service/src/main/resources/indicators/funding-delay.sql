-- Continuous percentile (interpolated) of the answers' delays; withdrawals carry no answer. One resource for two
-- indicators: funding-delay-median (fraction 0.5) and funding-delay-p90 (fraction 0.9).
-- @parameter: fraction median=0.5, p90=0.9
-- @needs: decisions
-- @main
SELECT percentile_cont(CAST(:fraction AS DOUBLE PRECISION)) WITHIN GROUP (ORDER BY delay_days) AS num,
       count(*) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM answers)) AS contributing
FROM answers
-- @breakdown
SELECT funder AS key, percentile_cont(CAST(:fraction AS DOUBLE PRECISION)) WITHIN GROUP (ORDER BY delay_days) AS num,
       count(*) AS den
FROM answers GROUP BY funder ORDER BY 1
-- @now-needs: delay-days
-- @now-main
SELECT {schema}.histogram_percentile(CAST(:fraction AS DOUBLE PRECISION),
                                    (SELECT array_agg(delay_days ORDER BY delay_days) FROM overall),
                                    (SELECT array_agg(n ORDER BY delay_days) FROM overall)) AS num,
       (SELECT CAST(coalesce(sum(n), 0) AS BIGINT) FROM overall) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM answered)) AS contributing
-- @now-breakdown
SELECT funder AS key, {schema}.histogram_percentile(CAST(:fraction AS DOUBLE PRECISION),
                                                    array_agg(delay_days ORDER BY delay_days),
                                                    array_agg(n ORDER BY delay_days)) AS num,
       CAST(sum(n) AS BIGINT) AS den
FROM days GROUP BY funder ORDER BY 1
