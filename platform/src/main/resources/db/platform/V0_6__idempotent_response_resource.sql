-- An answer may be kept by reference: the id of the resource it was about, rendered again as it is now on a retry
-- (beneficiary-service: its answers carry personal data, which must neither sit here nor outlive an erasure). An
-- erasure wipes the request hash of the keys about the person (the hash was derived from personal data): the key
-- then still answers the erased person's id.
ALTER TABLE idempotent_response ADD COLUMN resource_id UUID;
ALTER TABLE idempotent_response ALTER COLUMN request_hash DROP NOT NULL;
CREATE INDEX IF NOT EXISTS idempotent_response_by_resource ON idempotent_response (resource_id)
    WHERE resource_id IS NOT NULL;
