-- A stored answer belongs to a caller inside one structure: the same caller identity (or two tokens sharing a upn)
-- working for another structure must never be answered with it. Rows written before this change were kept under the
-- principal name only; they keep structure '' and simply stop matching structure-bound callers (a retry then records
-- anew, which is safer than replaying across structures).
ALTER TABLE idempotent_response ADD COLUMN structure_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE idempotent_response DROP CONSTRAINT idempotent_response_pkey;
ALTER TABLE idempotent_response ADD PRIMARY KEY (caller, structure_scope, operation, idempotency_key);
