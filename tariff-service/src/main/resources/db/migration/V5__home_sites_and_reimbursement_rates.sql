-- Home charging reimbursed (docs/money-and-time.md, "Reimbursements"). A site is SHARED or one driver's HOME
-- (SiteRecord.kind, ownerDriverId). A tariff is for CHARGE (what drivers pay) or is a REIMBURSEMENT rate (what the
-- operator pays an employee for charging at home), for one driver or for user types; a rate's version may cap the
-- employee's reimbursement per calendar month. A price says what it is for; a NOT_BILLED one (someone else at an
-- employee's home charger) has no tariff.
ALTER TABLE site ADD COLUMN kind TEXT NOT NULL DEFAULT 'SHARED';
ALTER TABLE site ADD COLUMN owner_driver_id UUID;
ALTER TABLE tariff ADD COLUMN purpose TEXT NOT NULL DEFAULT 'CHARGE';
ALTER TABLE tariff ADD COLUMN driver_id UUID;
CREATE UNIQUE INDEX tariff_reimbursement_of_driver ON tariff (operator_id, driver_id)
    WHERE purpose = 'REIMBURSEMENT' AND driver_id IS NOT NULL;
ALTER TABLE tariff_version ADD COLUMN monthly_cap NUMERIC;
ALTER TABLE tariff_version ADD COLUMN reason TEXT;
ALTER TABLE tariff_version ADD COLUMN basis TEXT;
ALTER TABLE tariff_version ADD COLUMN cap_per_kwh NUMERIC;
ALTER TABLE session_price ADD COLUMN purpose TEXT NOT NULL DEFAULT 'CHARGE';
ALTER TABLE session_price ADD COLUMN monthly_cap NUMERIC;
ALTER TABLE session_price ALTER COLUMN tariff_id DROP NOT NULL;
