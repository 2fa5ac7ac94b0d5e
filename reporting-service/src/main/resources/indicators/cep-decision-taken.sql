-- @as: counted-facts fact=closed
-- @needs: closed
-- @main
-- counted per structure (and per outcome) first, so that `closed` is read once and streamed (a common table
-- expression read twice is materialised: at a million people, every closure of the period copied aside)
SELECT CAST(coalesce(sum(x.num), 0) AS BIGINT) AS num, CAST(coalesce(sum(x.den), 0) AS BIGINT) AS den,
       count(*) FILTER (WHERE x.structure_id IN (SELECT structure_id FROM reg)) AS contributing
FROM (SELECT structure_id, count(*) FILTER (WHERE decision_taken) AS num, count(*) AS den FROM closed
      GROUP BY structure_id) x
-- @breakdown
-- each closure has one outcome: the closures are the sum over the outcomes
SELECT o.key, o.num, CAST(sum(o.num) OVER () AS BIGINT) AS den
FROM (SELECT outcome AS key, count(*) AS num FROM closed GROUP BY outcome) o ORDER BY 1
-- @now-main
SELECT CAST(coalesce(sum(m), 0) AS BIGINT) AS num, CAST(coalesce(sum(n), 0) AS BIGINT) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
-- @now-breakdown
SELECT key, CAST(sum(n) AS BIGINT) AS num, (SELECT CAST(sum(n) AS BIGINT) FROM counted) AS den
FROM counted GROUP BY key ORDER BY 1
