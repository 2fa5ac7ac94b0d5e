-- The tables of one projection generation; {schema} is replaced by the generation's schema. Changing this file
-- means: rebuild (POST /api/v1/admin/projections/rebuild) so that a new generation is built with it.
CREATE TABLE {schema}.structure (
    structure_id  UUID PRIMARY KEY,
    code          TEXT        NOT NULL,
    region        TEXT        NOT NULL,
    department    TEXT        NOT NULL,
    registered_on DATE        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX structure_region ON {schema}.structure (region);
