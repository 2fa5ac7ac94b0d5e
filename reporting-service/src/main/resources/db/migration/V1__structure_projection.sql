-- Structures as learnt from beneficiary.events; the denominator of every "structures that..." indicator and of
-- coverage.
CREATE TABLE registered_structure (
    structure_id  UUID PRIMARY KEY,
    code          TEXT        NOT NULL,
    region        TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    registered_on DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX registered_structure_region ON registered_structure (region);
