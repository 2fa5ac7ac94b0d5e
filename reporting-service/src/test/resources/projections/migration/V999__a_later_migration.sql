-- A migration after the baseline, as the next one will be (test only: GenerationMigrationsTest hands it to Flyway
-- beside ProjectionMigrations.FILES): on a generation created from the baseline and on one migrated to V13 by the
-- migrations the baseline replaced, it finds the same schema and applies.
ALTER TABLE ${schema}.structure ADD COLUMN later_note TEXT;
CREATE INDEX structure_code ON ${schema}.structure (code);
