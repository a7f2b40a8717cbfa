-- A site is SHARED (the operator's chargers) or HOME (one driver's home charger, registered by the company):
-- the copy keeps its kind and owner, so lists and the charge report filter by kind and an unknown card at a
-- home charger is held with its own reason. A price says what it is for: CHARGE (invoiced), REIMBURSEMENT
-- (paid back to the owner of a home charger) or NOT_BILLED (someone else charging at a home charger).
ALTER TABLE site ADD COLUMN kind TEXT NOT NULL DEFAULT 'SHARED';
ALTER TABLE site ADD COLUMN owner_driver_id UUID;
ALTER TABLE session_price ADD COLUMN purpose TEXT NOT NULL DEFAULT 'CHARGE';
CREATE INDEX site_home ON site (id) WHERE kind = 'HOME';
