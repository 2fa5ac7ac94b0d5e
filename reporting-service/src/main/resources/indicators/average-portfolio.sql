-- Members of each referent's portfolio at the period's end (always a month's last day): the monthly moves of the
-- current spans up to that month, plus the spans known by asOf but superseded since, minus the spans recorded after
-- asOf. With asOf now, both corrections are empty index ranges.
-- @with
portfolio AS (
    SELECT x.structure_id, x.counsellor_id, sum(x.n) AS members FROM (
        SELECT m.structure_id, m.counsellor_id, m.members AS n FROM {schema}.portfolio_month m
        WHERE m.month <= :pe
        UNION ALL
        SELECT s.structure_id, s.counsellor_id, 1 FROM {schema}.portfolio_span s
        WHERE s.superseded_at > :asOf AND s.recorded_at <= :asOf
          AND s.from_on <= :pe AND (s.until_on IS NULL OR s.until_on > :pe)
        UNION ALL
        SELECT s.structure_id, s.counsellor_id, -1 FROM {schema}.portfolio_span s
        WHERE s.recorded_at > :asOf AND s.superseded_at IS NULL
          AND s.from_on <= :pe AND (s.until_on IS NULL OR s.until_on > :pe)
    ) x
    WHERE x.structure_id IN (SELECT structure_id FROM scope_structures)
    GROUP BY x.structure_id, x.counsellor_id HAVING sum(x.n) > 0
)
-- @main
SELECT CAST(coalesce(sum(members), 0) AS BIGINT) AS num, count(DISTINCT counsellor_id) AS den,
       (SELECT count(*) FROM reg WHERE structure_id IN (SELECT structure_id FROM portfolio)) AS contributing
FROM portfolio
