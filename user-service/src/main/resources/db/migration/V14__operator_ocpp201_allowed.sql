-- Whether the operator's chargers that offer OCPP 2.0.1 speak it (ChargerSettings.ocpp201Allowed); else 1.6.
ALTER TABLE operator ADD COLUMN ocpp201_allowed BOOLEAN NOT NULL DEFAULT true;
