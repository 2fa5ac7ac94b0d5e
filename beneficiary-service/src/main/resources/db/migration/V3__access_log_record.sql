-- Reads of a person's records served by cep-service and cpf-service are traced in the person's one access log;
-- the entry says which record (service/kind/id). Null for this service's own data.
ALTER TABLE access_log_entry ADD COLUMN record TEXT;
