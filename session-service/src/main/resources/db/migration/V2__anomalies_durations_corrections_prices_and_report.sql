-- Charging and idle time, the count of corrections published, and where the stop came from.
ALTER TABLE charging_session
    ADD COLUMN connected_seconds   BIGINT,
    ADD COLUMN charging_seconds    BIGINT,
    ADD COLUMN idle_seconds        BIGINT,
    ADD COLUMN correction_revision INT     NOT NULL DEFAULT 0,
    -- CHARGER (StopTransaction) or OPERATOR (a correction closed a session the charger never stopped)
    ADD COLUMN stop_source         TEXT;

-- The connector rules look at earlier and overlapping sessions of the same connector; the stale check at
-- open sessions. (The charge report reads by operator and start: charging_session_operator of V1.)
CREATE INDEX charging_session_connector ON charging_session (charge_point_id, connector_id, started_at);
CREATE INDEX charging_session_open ON charging_session (started_at) WHERE status = 'ACTIVE';

-- What was found wrong with a session (one row per rule), and how it was resolved.
CREATE TABLE session_anomaly (
    session_id  UUID        NOT NULL,
    rule        TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ,
    resolved_by TEXT,
    resolution  TEXT,
    PRIMARY KEY (session_id, rule)
);

-- The audit trail: every correction and release, who did it, when, why, and what changed from what to what.
CREATE TABLE session_correction (
    id                   UUID PRIMARY KEY,
    session_id           UUID        NOT NULL,
    action               TEXT        NOT NULL,
    acted_by             TEXT        NOT NULL,
    acted_at             TIMESTAMPTZ NOT NULL,
    reason               TEXT        NOT NULL,
    status_before        TEXT        NOT NULL,
    status_after         TEXT        NOT NULL,
    stopped_at_before    TIMESTAMPTZ,
    stopped_at_after     TIMESTAMPTZ,
    meter_start_before   BIGINT,
    meter_start_after    BIGINT,
    meter_stop_before    BIGINT,
    meter_stop_after     BIGINT,
    energy_before        BIGINT,
    energy_after         BIGINT,
    -- SessionCompleted for a held session, SessionCorrected (with its revision) for a completed one
    published            TEXT        NOT NULL,
    revision             INT
);
CREATE INDEX session_correction_session ON session_correction (session_id, acted_at);

-- StatusNotifications per connector over time: Charging versus SuspendedEV, SuspendedEVSE, Finishing.
CREATE TABLE connector_status (
    charge_point_id TEXT        NOT NULL,
    connector_id    INT         NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charge_point_id, connector_id, changed_at)
);

-- Active import power of a session over time, in W: near zero means the car is connected but idle.
CREATE TABLE power_sample (
    session_id UUID        NOT NULL,
    sampled_at TIMESTAMPTZ NOT NULL,
    watts      BIGINT      NOT NULL,
    PRIMARY KEY (session_id, sampled_at)
);

-- The latest price of a session from tariffs.events (SessionPriced is revision 0, SessionRepriced its own).
CREATE TABLE session_price (
    session_id     UUID PRIMARY KEY,
    revision       INT           NOT NULL,
    currency       TEXT          NOT NULL,
    net_amount     NUMERIC(14, 2) NOT NULL,
    vat_rate       NUMERIC(6, 4) NOT NULL,
    vat_amount     NUMERIC(14, 2) NOT NULL,
    gross_amount   NUMERIC(14, 2) NOT NULL,
    tariff_id      UUID,
    tariff_version INT,
    priced_at      TIMESTAMPTZ   NOT NULL
);

-- Registry projections for the report: operators (time zone, currency, name), sites, cards; drivers gain a name.
CREATE TABLE registered_operator (
    id         UUID PRIMARY KEY,
    revision   BIGINT NOT NULL,
    legal_name TEXT   NOT NULL,
    time_zone  TEXT   NOT NULL,
    currency   TEXT   NOT NULL
);

CREATE TABLE registered_site (
    id          UUID PRIMARY KEY,
    revision    BIGINT NOT NULL,
    operator_id UUID   NOT NULL,
    name        TEXT   NOT NULL
);

CREATE TABLE registered_card (
    id          UUID PRIMARY KEY,
    revision    BIGINT NOT NULL,
    operator_id UUID   NOT NULL,
    driver_id   UUID,
    id_tag      TEXT   NOT NULL,
    label       TEXT
);

ALTER TABLE registered_driver ADD COLUMN name TEXT;
