-- Whether a generation's pre-aggregates are kept as its facts are written. A rebuild feeds its generation with the
-- pre-aggregates' triggers off and without the indexes only the queries read (upkeep DEFERRED), then, once caught
-- up, turns the triggers on, fills every pre-aggregate from the facts and builds those indexes in one transaction
-- (upkeep KEPT, restored_from and restored_at: that transaction's start and end). A generation recorded before this
-- column (its triggers on since its creation) is KEPT.
ALTER TABLE projection_generation ADD COLUMN upkeep TEXT NOT NULL DEFAULT 'KEPT'
    CHECK (upkeep IN ('DEFERRED', 'KEPT'));
ALTER TABLE projection_generation ADD COLUMN upkeep_restored_from TIMESTAMPTZ;
ALTER TABLE projection_generation ADD COLUMN upkeep_restored_at TIMESTAMPTZ;
-- A generation answers only with its pre-aggregates: an instance of an older version, which knows nothing of the
-- deferral, cannot switch to a generation still fed without them (its switch fails and is tried again).
ALTER TABLE projection_generation ADD CONSTRAINT projection_generation_answers_kept
    CHECK (state <> 'ACTIVE' OR upkeep = 'KEPT');
