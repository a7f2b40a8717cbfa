-- A site's load limit (LoadLimit): the most its feeder may carry for charging, in A per phase or in W, shared
-- among its sessions by the ocpp-gateway. Both null: no limit.
ALTER TABLE site ADD COLUMN load_limit_unit TEXT;
ALTER TABLE site ADD COLUMN load_limit_value NUMERIC(9,1);
ALTER TABLE site ADD CONSTRAINT site_load_limit_whole CHECK ((load_limit_unit IS NULL) = (load_limit_value IS NULL));
