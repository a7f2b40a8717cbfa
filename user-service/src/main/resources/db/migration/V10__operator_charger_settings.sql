-- How an operator's chargers are configured for billing at boot (the gateway's configuration profiles):
-- the meter value interval in seconds and the authorization policy. Existing operators get the defaults
-- (ChargerSettings.DEFAULT in events).
ALTER TABLE operator
    ADD COLUMN meter_value_sample_interval  INTEGER NOT NULL DEFAULT 60
        CHECK (meter_value_sample_interval BETWEEN 10 AND 3600),
    ADD COLUMN authorize_remote_tx_requests BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN local_pre_authorize          BOOLEAN NOT NULL DEFAULT false;
