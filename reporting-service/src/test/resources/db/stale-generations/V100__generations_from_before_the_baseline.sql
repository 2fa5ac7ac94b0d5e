-- StaleGenerationsAtStartTest only (its test profile adds this location): the database of a service whose
-- generations were built before the projection schema's baseline, as it is found when the new version starts.
-- The active generation, from before Flyway: its tables, no history.
CREATE SCHEMA reporting_g1;
-- (one of them is enough to tell it apart from a new generation; readiness reads this one)
CREATE TABLE reporting_g1.structure (structure_id UUID PRIMARY KEY);
INSERT INTO projection_generation (generation, schema_name, state, activated_at) VALUES (1, 'reporting_g1', 'ACTIVE', now());
-- A rebuild in progress, its history stopped at V5.
CREATE SCHEMA reporting_g2;
CREATE TABLE reporting_g2.structure (structure_id UUID PRIMARY KEY);
CREATE SCHEMA reporting_g2_history;
CREATE TABLE reporting_g2_history.projection_schema_history (installed_rank INTEGER, version TEXT, success BOOLEAN);
INSERT INTO reporting_g2_history.projection_schema_history SELECT v, CAST(v AS TEXT), TRUE FROM generate_series(1, 5) v;
INSERT INTO projection_generation (generation, schema_name, state) VALUES (2, 'reporting_g2', 'BUILDING');
