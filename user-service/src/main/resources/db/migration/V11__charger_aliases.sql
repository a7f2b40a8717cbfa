-- The other chargePointIds a charger connects with (a Zaptec charger's legacy device id beside its serial
-- number): each id names one charger on the whole platform, as a charger's own id, an announcement or an alias.
CREATE TABLE charger_alias (
    charger_id      UUID NOT NULL REFERENCES charger (id),
    charge_point_id TEXT NOT NULL,
    CONSTRAINT charger_alias_unique PRIMARY KEY (charge_point_id)
);
CREATE INDEX charger_alias_charger ON charger_alias (charger_id);
