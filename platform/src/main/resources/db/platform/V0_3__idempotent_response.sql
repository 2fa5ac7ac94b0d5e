-- Answers of POST requests sent with an Idempotency-Key, written in the transaction of the change they report, so a
-- retry gets the first answer instead of making a second record.
CREATE TABLE idempotent_response (
    caller          TEXT        NOT NULL,
    operation       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    status          INTEGER     NOT NULL,
    location        TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, operation, idempotency_key)
);
