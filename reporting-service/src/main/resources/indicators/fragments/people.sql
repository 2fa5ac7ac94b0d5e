-- The people the CEP reached in the period: at each level 2-3 they held, and at level 1 by their contacts.
-- @needs: held, l1
people AS (
    SELECT beneficiary_id AS person, structure_id, level, service FROM held
    UNION ALL SELECT person, structure_id, 1, NULL FROM l1
)
