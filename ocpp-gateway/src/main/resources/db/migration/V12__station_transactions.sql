-- OCPP 2.0.1: the charging station names its transaction with a string of its own (transactionId,
-- at most 36 characters); the gateway still hands out its int transactionId, the one every event
-- and service uses, once per (charger, station transactionId). 1.6 rows keep it NULL. connector_id
-- holds the EVSE of a 2.0.1 transaction (its unit of charging, see the gateway README).
ALTER TABLE issued_transaction ADD COLUMN station_transaction_id TEXT;
-- When the TransactionStarted of a 2.0.1 transaction was acknowledged: whichever of its events
-- arrives first announces it (a lost or late Started must not leave the session without a start).
ALTER TABLE issued_transaction ADD COLUMN started_announced_at TIMESTAMPTZ;
-- A 1.6 StartTransaction is identified by its natural key; a 2.0.1 transaction by its station
-- transactionId alone (two may share EVSE, timestamp and register, such as two lost Starteds).
ALTER TABLE issued_transaction DROP CONSTRAINT issued_transaction_start_key;
CREATE UNIQUE INDEX issued_transaction_start_key ON issued_transaction (charge_point_id, connector_id, id_tag, meter_start, started_at)
    WHERE station_transaction_id IS NULL;
CREATE UNIQUE INDEX issued_transaction_station_key ON issued_transaction (charge_point_id, station_transaction_id)
    WHERE station_transaction_id IS NOT NULL;

-- Every TransactionEvent received, once per (charger, station transactionId, seqNo): a retried
-- event (the answer got lost, or it was refused while Kafka was away) finds its row and is one
-- event. The seqNos present tell which are missing; the energy register of each event (Wh, after
-- unit and multiplier) gives the last one seen, for an Ended event that carries none.
CREATE TABLE station_transaction_event (
    charge_point_id        TEXT        NOT NULL,
    station_transaction_id TEXT        NOT NULL,
    seq_no                 BIGINT      NOT NULL,
    transaction_id         INTEGER     NOT NULL REFERENCES issued_transaction (transaction_id),
    event_type             TEXT        NOT NULL,  -- Started, Updated, Ended
    trigger_reason         TEXT        NOT NULL,
    offline                BOOLEAN     NOT NULL,
    energy_register_wh     BIGINT,                -- the event's last Energy.Active.Import.Register, if any
    occurred_at            TIMESTAMPTZ NOT NULL,  -- the station's timestamp
    received_at            TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charge_point_id, station_transaction_id, seq_no)
);
CREATE INDEX station_transaction_event_by_transaction ON station_transaction_event (transaction_id, seq_no);

-- What a 2.0.1 station reported of its device model (NotifyReport, in answer to GetBaseReport or
-- GetReport): the latest value of each variable attribute. component is name[.instance][@evse[.connector]],
-- variable name[.instance], so that the key has no NULLs.
CREATE TABLE station_variable (
    charge_point_id TEXT        NOT NULL,
    component       TEXT        NOT NULL,
    variable        TEXT        NOT NULL,
    attribute_type  TEXT        NOT NULL,  -- Actual, Target, MinSet, MaxSet
    value           TEXT,
    mutability      TEXT,
    reported_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charge_point_id, component, variable, attribute_type)
);
