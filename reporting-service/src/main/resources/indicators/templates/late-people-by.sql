-- A branch of the fragment `late-people` (inserted there, `-- @insert:`): the people ({person}) of the `{table}`
-- rows r recorded ({recorded}) after asOf with a business date ({dated}) {within}, that is by the period's end. The
-- rows are found by their recording lag (V10: the expression of the lag index, written once here so that every
-- branch reads that index).
    SELECT {person} FROM {schema}.{table} r
    WHERE CAST({recorded} AT TIME ZONE 'UTC' AS DATE) - {dated}
              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE) - CAST(:pe AS DATE)
      AND {recorded} > :asOf AND {dated} {within}
