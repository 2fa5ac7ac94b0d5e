CREATE TABLE level1_contact (
    id                   UUID PRIMARY KEY,
    structure_id         UUID        NOT NULL,
    counsellor_id        UUID,
    beneficiary_id       UUID,
    contact_date         DATE        NOT NULL,
    channel              TEXT        NOT NULL,
    request              TEXT        NOT NULL,
    liaison_sheet_issued BOOLEAN     NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL,
    recorded_by          TEXT        NOT NULL
);
CREATE INDEX level1_contact_structure ON level1_contact (structure_id, contact_date);
