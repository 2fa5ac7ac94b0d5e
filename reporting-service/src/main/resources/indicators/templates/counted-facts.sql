-- The fact `{fact}` the projections count in `monthly_fact` (read through the fragment `facts`), summed per structure,
-- month and key and kept where the sum is above zero: what the "as of now" queries of an indicator counting rows by
-- their business date read (`counted`).
-- @now-needs: facts
-- @now-with
counted AS (
    SELECT structure_id, key, CAST(sum(n) AS BIGINT) AS n, CAST(sum(m) AS BIGINT) AS m FROM facts
    WHERE fact = '{fact}' GROUP BY structure_id, month, key HAVING sum(n) > 0
)
