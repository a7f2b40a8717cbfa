-- A site is SHARED (a garage, a street, an office) or HOME: one driver's home charger, registered by the
-- operator (a company reimbursing its employee). A HOME site names its owner, a driver of the same operator.
ALTER TABLE site
    ADD COLUMN kind            TEXT NOT NULL DEFAULT 'SHARED' CHECK (kind IN ('SHARED', 'HOME')),
    ADD COLUMN owner_driver_id UUID REFERENCES driver (id),
    ADD CONSTRAINT site_home_has_owner CHECK ((kind = 'HOME') = (owner_driver_id IS NOT NULL));
CREATE INDEX site_owner ON site (owner_driver_id) WHERE owner_driver_id IS NOT NULL;

-- A driver whose charging is billed to their employer (another driver of the operator, a business customer),
-- and the account reimbursements are paid out to (normalized: no spaces, upper case).
ALTER TABLE driver
    ADD COLUMN employer_id UUID REFERENCES driver (id) CHECK (employer_id <> id),
    ADD COLUMN payout_iban TEXT;
CREATE INDEX driver_employer ON driver (employer_id) WHERE employer_id IS NOT NULL;

-- The user types whose drivers may be billed to an employer; existing operators get the default, EMPLOYEE.
CREATE TABLE operator_employer_billed_user_type (
    operator_id UUID NOT NULL REFERENCES operator (id),
    user_type   TEXT NOT NULL,
    PRIMARY KEY (operator_id, user_type)
);
INSERT INTO operator_employer_billed_user_type (operator_id, user_type) SELECT id, 'EMPLOYEE' FROM operator;
