-- Retention prunes by age in small batches: each batch finds its oldest rows through these indexes instead of a scan.
CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
CREATE INDEX IF NOT EXISTS idempotent_response_created_at ON idempotent_response (created_at);
CREATE INDEX IF NOT EXISTS outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;
