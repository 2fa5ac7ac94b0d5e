-- A branch of the fragment `facts` (inserted there, `-- @insert:`): the contributions (V2's
-- `{table}_contributions`) of the `{table}` rows r recorded ({recorded}) after asOf with a business date ({dated})
-- in the period, taken back (n and m negated) where they count {facts}. The rows are found by their recording lag
-- (V10, V11: the expression of the lag index, written once here so that every branch reads that index).
    SELECT x.structure_id, x.month, x.fact, x.key, -x.n, -x.m
    FROM {schema}.{table} r, {schema}.{table}_contributions(r) x
    WHERE CAST(:late AS BOOLEAN) AND CAST({recorded} AT TIME ZONE 'UTC' AS DATE) - {dated}
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND {recorded} > :asOf AND {dated} BETWEEN :ps AND :pe
      AND {facts} AND x.recorded > :asOf AND x.month BETWEEN :ps AND :pe
      AND x.structure_id IN (SELECT structure_id FROM scope_structures)
