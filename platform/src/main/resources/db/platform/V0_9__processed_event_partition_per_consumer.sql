-- The processed-event log partitioned by consumer: one partition per consumer number (LIST on consumer_id), so that a
-- consumer's log is retired by dropping its partition, not by deleting its rows one by one. reporting-service retires
-- a generation's four consumers at every rebuild: the DELETE of their ~87,000 rows at scale 0.12 (~790,000 at scale
-- 1) wrote their WAL, left them dead in the heap and its key, and had autovacuum clean both while the next rebuild
-- applied; a partition dropped is a few catalog rows (bench/README.md, "A retired generation's processed-event log
-- dropped").
--
-- Locks (measured on the bundled PostgreSQL 17.6; bench/README.md): CREATE TABLE ... PARTITION OF and DROP TABLE of a
-- partition (or a plain DETACH) take ACCESS EXCLUSIVE on processed_event until their transaction ends, and every other
-- consumer's insert waits for them; ALTER TABLE ... ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE, which no insert,
-- update or delete waits for (it waits for nothing they hold either), and DETACH PARTITION ... CONCURRENTLY the same,
-- waiting for the transactions that use the table instead of blocking them. Hence:
--  * a new consumer's partition is made as a table of its own and attached (register_event_consumer below), in the
--    transaction that registers the consumer — a batch's, or reporting-service's preparation of its next generation —
--    so that a registration rolled back takes its partition with it;
--  * a retired consumer's partition is detached CONCURRENTLY, then dropped, once its number is gone from
--    event_consumer (ConsumerPositions.dropUnregisteredLogs), outside any transaction;
--  * no DEFAULT partition: attaching a partition would have to scan it, and DETACH CONCURRENTLY refuses a table that
--    has one. Every consumer has its partition from its registration: a number without one cannot log.
-- The key stays (consumer_id, event_id): a duplicate publish is refused by its consumer's partition's key as before.
-- The age index stays BRIN (V0_8), as a partitioned index: each partition has its own, which retention's scan reads.

ALTER TABLE processed_event RENAME TO processed_event_before_v0_9;
ALTER INDEX processed_event_pkey RENAME TO processed_event_before_v0_9_pkey;
ALTER INDEX processed_event_processed_at RENAME TO processed_event_before_v0_9_processed_at;

CREATE TABLE processed_event (
    consumer_id  INTEGER     NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
) PARTITION BY LIST (consumer_id);

-- A consumer's partition, named by its number. Made apart and attached rather than CREATE TABLE ... PARTITION OF:
-- the latter locks out every other consumer's insert until the creating transaction commits (above).
CREATE FUNCTION attach_processed_event_partition(number INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TABLE %I (LIKE processed_event INCLUDING DEFAULTS)', 'processed_event_' || number);
    EXECUTE format('ALTER TABLE processed_event ATTACH PARTITION %I FOR VALUES IN (%s)', 'processed_event_' || number,
                   number);
END $$;

-- Registers a consumer and attaches its partition, in the caller's transaction; a consumer registered already (by
-- another instance, which committed its partition with its number) is left as it is. @return the number given here,
-- or null when the name had one
CREATE FUNCTION register_event_consumer(consumer TEXT) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    number INTEGER;
BEGIN
    INSERT INTO event_consumer (name) VALUES (consumer) ON CONFLICT (name) DO NOTHING RETURNING id INTO number;
    IF number IS NOT NULL THEN
        PERFORM attach_processed_event_partition(number);
    END IF;
    RETURN number;
END $$;

-- The rows carried over, each consumer's into its partition, in the order of their age (the BRIN index's ranges
-- stay narrow); the key and the age index built once they are in, by sorting. Rows under a number no consumer has
-- cannot exist (V0_7 and reporting's drop remove a number with its rows) and could not be read by any consumer: they
-- are not carried.
SELECT attach_processed_event_partition(id) FROM event_consumer ORDER BY id;
INSERT INTO processed_event (consumer_id, event_id, processed_at)
SELECT p.consumer_id, p.event_id, p.processed_at FROM processed_event_before_v0_9 p
WHERE p.consumer_id IN (SELECT id FROM event_consumer)
ORDER BY p.consumer_id, p.processed_at;
DROP TABLE processed_event_before_v0_9;

ALTER TABLE processed_event ADD CONSTRAINT processed_event_pkey PRIMARY KEY (consumer_id, event_id);
CREATE INDEX processed_event_processed_at ON processed_event USING brin (processed_at) WITH (autosummarize = on);

COMMENT ON TABLE processed_event IS 'Idempotent consumers: an event id applied once by a consumer (event_consumer) is never applied again by it, whatever Kafka redelivers. One partition per consumer (processed_event_<number>), dropped when the consumer is retired.';
