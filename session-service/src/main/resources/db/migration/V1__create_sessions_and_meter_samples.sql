-- Charging sessions as assembled from what chargers reported. The id is SessionIds.of(chargePointId,
-- transactionId); start and stop may arrive in either order, so the fields of each are nullable.
-- Instants are the charger's (started_at, stopped_at) beside the gateway's (*_received_at).
CREATE TABLE charging_session (
    id                   UUID PRIMARY KEY,
    version              BIGINT      NOT NULL,
    status               TEXT        NOT NULL,
    held_reason          TEXT,
    charge_point_id      TEXT        NOT NULL,
    transaction_id       INT         NOT NULL,
    connector_id         INT,
    -- the snapshot taken at start: who and where, frozen so that registry changes never rewrite history
    operator_id          UUID,
    site_id              UUID,
    charger_id           UUID,
    card_id              UUID,
    driver_id            UUID,
    id_tag               TEXT,
    user_type            TEXT,
    authorization_status TEXT,
    started_at           TIMESTAMPTZ,
    start_received_at    TIMESTAMPTZ,
    meter_start_wh       BIGINT,
    stopped_at           TIMESTAMPTZ,
    stop_received_at     TIMESTAMPTZ,
    meter_stop_wh        BIGINT,
    energy_wh            BIGINT,
    stop_reason          TEXT,
    stop_id_tag          TEXT,
    -- false when the gateway never issued this transactionId: its start will not come
    known_transaction    BOOLEAN,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT charging_session_transaction_unique UNIQUE (charge_point_id, transaction_id)
);
CREATE INDEX charging_session_operator ON charging_session (operator_id, started_at DESC);
CREATE INDEX charging_session_driver ON charging_session (driver_id, started_at DESC);

-- The energy register of a session over time, in Wh; one reading per instant. Not a foreign key:
-- samples may arrive before the session's start or stop does.
CREATE TABLE meter_sample (
    session_id  UUID        NOT NULL,
    sampled_at  TIMESTAMPTZ NOT NULL,
    register_wh BIGINT      NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, sampled_at)
);

-- What this service knows of registry.drivers: enough to take a session's snapshot.
CREATE TABLE registered_driver (
    id          UUID PRIMARY KEY,
    revision    BIGINT NOT NULL,
    operator_id UUID   NOT NULL,
    user_type   TEXT
);
