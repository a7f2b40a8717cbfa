-- Which cards are in an open transaction (Authorize and StartTransaction answer ConcurrentTx for a
-- card that is charging elsewhere), and when each transaction was stopped.
ALTER TABLE issued_transaction ADD COLUMN id_tag_normalized TEXT;
ALTER TABLE issued_transaction ADD COLUMN stopped_at TIMESTAMPTZ;
UPDATE issued_transaction SET id_tag_normalized = upper(id_tag);
ALTER TABLE issued_transaction ALTER COLUMN id_tag_normalized SET NOT NULL;
CREATE INDEX issued_transaction_open_by_tag ON issued_transaction (id_tag_normalized, started_at)
    WHERE stopped_at IS NULL;
CREATE INDEX issued_transaction_by_connector ON issued_transaction (charge_point_id, connector_id, started_at);

-- The gateway replicas that are running: each refreshes its heartbeat; one that stops doing so is dead,
-- and the sockets it claimed are no longer connected.
CREATE TABLE gateway_replica (
    replica_id   TEXT        PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL
);

-- Which replica holds each charger's socket (commands are executed there), and what the charger last
-- told any replica, so that every replica answers the connection API alike.
CREATE TABLE charger_presence (
    charge_point_id     TEXT        PRIMARY KEY,
    replica_id          TEXT        NOT NULL,
    connection_id       TEXT        NOT NULL,
    connected_at        TIMESTAMPTZ NOT NULL,
    last_seen           TIMESTAMPTZ NOT NULL,
    disconnected_at     TIMESTAMPTZ,
    vendor              TEXT,
    model               TEXT,
    firmware_version    TEXT,
    registration_status TEXT
);
CREATE INDEX charger_presence_by_replica ON charger_presence (replica_id) WHERE disconnected_at IS NULL;

-- Each connector's last StatusNotification (connector 0 is the charger itself).
CREATE TABLE connector_status (
    charge_point_id TEXT        NOT NULL,
    connector_id    INTEGER     NOT NULL,
    status          TEXT        NOT NULL,
    error_code      TEXT        NOT NULL,
    info            TEXT,
    reported_at     TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charge_point_id, connector_id)
);
