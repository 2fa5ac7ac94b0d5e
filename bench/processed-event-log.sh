#!/usr/bin/env bash
# The processed-event log's insert in SQL, as a rebuild sends it (bench/README.md, "The processed-event log's cost per
# event"): 60 statements `INSERT INTO … (consumer, event_id) SELECT $1, unnest($2)` of 1,800 ids each, for one new
# consumer, into a copy of the table that already holds N rows of 48 other consumers (v4 ids), after VACUUM and a
# CHECKPOINT; per shape of the table and kind of id: µs, shared blocks, dirtied blocks and WAL bytes a row, from
# pg_stat_statements (the server needs shared_preload_libraries=pg_stat_statements).
#   bench/processed-event-log.sh ROWS "SHAPE IDS" ...   e.g. bench/processed-event-log.sh 500000 "base v4" "base v7"
# SHAPE: base (V0_2 + V0_5: key (consumer TEXT, event_id), index on processed_at), noidx (without that index), intkey
# (a SMALLINT consumer in the key), own (an empty table of the base shape: a generation's own log). IDS: v4 | v7.
# PSQL (default "psql -h 127.0.0.1 -p 55441 -U postgres") names the server; it works in its default database.
set -euo pipefail
P="${PSQL:-psql -h 127.0.0.1 -p 55441 -U postgres} -q -v ON_ERROR_STOP=1"
rows=$1; shift
$P -v n="$rows" <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
-- RFC 9562 version 7 from a time: 48-bit Unix ms, version 7, variant 10, random rest (PostgreSQL 17 has no uuidv7())
CREATE OR REPLACE FUNCTION uuidv7_at(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
     substring(int8send((extract(epoch FROM ts) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;
DROP TABLE IF EXISTS prefill_src;
CREATE TABLE prefill_src AS
  SELECT 'reporting-service.' || (ARRAY['structures','beneficiaries','cep-facts','cpf-facts','portfolio','monthly',
         'delays','people'])[1 + (g % 8)] || '.g' || (1 + (g / 8) % 6) AS consumer,
         gen_random_uuid() AS event_id, now() - interval '1 day' + g * interval '1 ms' AS processed_at
  FROM generate_series(1, :n) g;
-- the new consumer's batches: v4, and v7 in creation order, shuffled within a batch as partitions interleave
DROP TABLE IF EXISTS batches;
CREATE TABLE batches AS
  SELECT b, array_agg(gen_random_uuid()) AS v4,
         array_agg(uuidv7_at(timestamp '2026-12-01' + ((b * 1800 + i) * 10) * interval '1 ms'
                   + (random() * 500) * interval '1 ms') ORDER BY random()) AS v7
  FROM generate_series(1, 60) b, generate_series(1, 1800) i GROUP BY b;
SQL
table="CREATE TABLE pe (consumer TEXT NOT NULL, event_id UUID NOT NULL, processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, event_id))"
for variant in "$@"; do
  read -r shape ids <<<"$variant"
  ptype=text; arg="'reporting-service.portfolio.g9'"; ins="INSERT INTO pe (consumer, event_id) SELECT \$1, unnest(\$2)"
  case $shape in
    base|noidx) $P -c "DROP TABLE IF EXISTS pe" -c "$table" -c "INSERT INTO pe SELECT * FROM prefill_src"
      [[ $shape == base ]] && $P -c "CREATE INDEX pe_at ON pe (processed_at)" ;;
    intkey) $P -c "DROP TABLE IF EXISTS pe" -c "CREATE TABLE pe (consumer_id SMALLINT NOT NULL, event_id UUID NOT NULL,
        processed_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (consumer_id, event_id))" \
        -c "INSERT INTO pe SELECT hashtext(consumer) % 30000, event_id, processed_at FROM prefill_src" \
        -c "CREATE INDEX pe_at ON pe (processed_at)"
      ptype=smallint; arg=31000; ins="INSERT INTO pe (consumer_id, event_id) SELECT \$1, unnest(\$2)" ;;
    own) $P -c "DROP TABLE IF EXISTS pe" -c "$table" -c "CREATE INDEX pe_at ON pe (processed_at)" ;;
    *) echo "unknown shape $shape" >&2; exit 2 ;;
  esac
  $P -c "VACUUM ANALYZE pe" -c "CHECKPOINT"
  {
    echo "SELECT pg_stat_statements_reset();"
    echo "PREPARE ins($ptype, uuid[]) AS $ins;"
    # the ids bound as a parameter, as the driver sends them: their parsing is not the statement's time
    for b in $(seq 1 60); do echo "SELECT $ids AS arr FROM batches WHERE b = $b \\gset"; echo "EXECUTE ins($arg, :'arr');"; done
  } | $P >/dev/null
  $P -Atc "SELECT '$shape $ids: ' || rows || ' rows, ' || round((total_exec_time * 1000 / rows)::numeric, 2) || ' us, '
      || round((shared_blks_hit + shared_blks_read)::numeric / rows, 2) || ' blocks, '
      || round(shared_blks_dirtied::numeric / rows, 3) || ' dirtied, ' || round(wal_bytes::numeric / rows, 1)
      || ' WAL bytes a row; table ' || pg_size_pretty(pg_relation_size('pe')) || ', indexes '
      || pg_size_pretty(pg_indexes_size('pe')) || ' (load ' || (SELECT split_part(pg_read_file('/proc/loadavg'), ' ', 1)) || ')'
      FROM pg_stat_statements WHERE query LIKE 'PREPARE ins%'"
done
