-- The log's age, which only retention reads, by a BRIN index instead of a B-tree. Every logged event put an entry into
-- the B-tree (~1 shared block and ~68 WAL bytes a row, a third of the row's index bytes: bench/README.md, "The
-- processed-event log keyed by a consumer's number"); a BRIN index keeps a min and max per 128 pages, summarised as
-- ranges fill (autosummarize) and by vacuum, and costs an insert nothing. The rows come in the order of their
-- processed_at (its default, now()), so a range's bounds stay narrow and retention's scan of the old rows reads the
-- old ranges; it no longer asks for them oldest first (Retention: any rows past the window, a batch at a time).
DROP INDEX IF EXISTS processed_event_processed_at;
CREATE INDEX processed_event_processed_at ON processed_event USING brin (processed_at) WITH (autosummarize = on);
