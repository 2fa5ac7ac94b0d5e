-- Counsellors as announced on beneficiary.events (CounsellorRegistered): a CPF step or a training project may only
-- name a counsellor of the caller's structure. Ids only.
CREATE TABLE known_counsellor (
    counsellor_id UUID PRIMARY KEY,
    structure_id  UUID NOT NULL
);
