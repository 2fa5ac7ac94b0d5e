CREATE TABLE structure (
    id            UUID PRIMARY KEY,
    code          TEXT        NOT NULL UNIQUE,
    name          TEXT        NOT NULL,
    region        TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    registered_on DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX structure_region ON structure (region, code);
