-- The indicators that count rows dated by the period (`{rows}`: a fragment or a common table expression of the
-- indicator's own) and, through the pre-aggregates, the fact `{fact}` the projections count for each of those rows.
-- A file built on it writes its rows and its breakdowns.
-- @as: counted-facts fact={fact}
-- @main
-- counted per structure first, so that `{rows}` is read once and streamed (a common table expression read twice is
-- materialised: at a million people, every row of the period copied aside before being counted)
SELECT CAST(coalesce(sum(x.n), 0) AS BIGINT) AS num, NULL AS den,
       count(*) FILTER (WHERE x.structure_id IN (SELECT structure_id FROM reg)) AS contributing
FROM (SELECT structure_id, count(*) AS n FROM {rows} GROUP BY structure_id) x
-- @now-main
SELECT CAST(coalesce(sum(n), 0) AS BIGINT) AS num, NULL AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM counted)) AS contributing
FROM counted
