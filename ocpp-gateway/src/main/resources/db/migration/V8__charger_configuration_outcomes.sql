-- Configured for billing at boot (ChargerConfigurator): per charger and configuration key, what the
-- profile wanted, what the charger reported, and how the last boot's attempt ended. A key the charger
-- answered Rejected or NotSupported for this wanted value (sent_at set) is not sent again until the
-- wanted value changes.
CREATE TABLE charger_configuration_key (
    charge_point_id TEXT        NOT NULL,
    config_key      TEXT        NOT NULL,
    profile         TEXT        NOT NULL,
    wanted_value    TEXT        NOT NULL,
    reported_value  TEXT,
    result          TEXT        NOT NULL,  -- UNCHANGED, ACCEPTED, REBOOT_REQUIRED, REJECTED, NOT_SUPPORTED, NO_ANSWER
    detail          TEXT,
    checked_at      TIMESTAMPTZ NOT NULL,  -- the boot that last looked at it
    sent_at         TIMESTAMPTZ,           -- the last ChangeConfiguration of wanted_value, if one was sent
    PRIMARY KEY (charge_point_id, config_key)
);
