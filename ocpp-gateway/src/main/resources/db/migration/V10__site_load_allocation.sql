-- A site's load limit shared among its charging sessions (SiteLoadBalancer): per session, the limit last sent
-- to its charger as a TxProfile (SetChargingProfile), in the site limit's unit, and how the charger answered.
-- Rows of sessions that ended go when the site is shared out again.
CREATE TABLE site_load_allocation (
    site_id         UUID          NOT NULL,
    charge_point_id TEXT          NOT NULL,
    connector_id    INTEGER       NOT NULL,
    transaction_id  INTEGER       NOT NULL,
    unit            TEXT          NOT NULL,  -- A or W
    limit_value     NUMERIC(12,1) NOT NULL,
    outcome         TEXT          NOT NULL,  -- the charger's status (Accepted, Rejected, NotSupported) or TIMED_OUT, NOT_CONNECTED, CALL_ERROR
    sent_at         TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (site_id, charge_point_id, connector_id)
);
