-- Events waiting to be published, written in the same transaction as the state change they describe.
CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    record_key    TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    envelope      BYTEA       NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    published_at  TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);

-- The relay only ever reads pending rows, in commit order.
CREATE INDEX outbox_event_pending ON outbox_event (id) WHERE published_at IS NULL;
