-- Projections live in one schema per generation (reporting_g1, reporting_g2...). A rebuild fills a new generation
-- from offset 0 while the active one keeps answering, then switches; see ProjectionGenerations.
DROP TABLE IF EXISTS registered_structure;

CREATE TABLE projection_generation (
    generation   INTEGER PRIMARY KEY,
    schema_name  TEXT        NOT NULL UNIQUE,
    state        TEXT        NOT NULL CHECK (state IN ('BUILDING', 'ACTIVE', 'RETIRED', 'ABANDONED')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    activated_at TIMESTAMPTZ,
    retired_at   TIMESTAMPTZ
);
-- at most one active generation at any time
CREATE UNIQUE INDEX projection_generation_one_active ON projection_generation (state) WHERE state = 'ACTIVE';
