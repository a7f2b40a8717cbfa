-- An employee's energy contracts (docs/companies.md): the prices incl. VAT of the employee's own energy supplier, by
-- day and optionally by night (from night_start to night_end in the operator's zone; weekends at the night price when
-- weekends_at_night_price), valid from valid_from to valid_to (both included; open while valid_to is null). A
-- reimbursement rate of basis CONTRACT reimburses each home session at the contract in force on the day it started.
-- A driver's contracts never overlap: EnergyContracts checks it under a lock per driver.
CREATE TABLE energy_contract (
    id UUID PRIMARY KEY,
    operator_id UUID NOT NULL,
    driver_id UUID NOT NULL,
    supplier TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    day_price_per_kwh NUMERIC NOT NULL,
    night_price_per_kwh NUMERIC,
    night_start TIME NOT NULL,
    night_end TIME NOT NULL,
    weekends_at_night_price BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT energy_contract_dates CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX energy_contract_of_driver ON energy_contract (driver_id, valid_from);
