-- Session lists page by keyset on (listed_at, id), newest first: the charger's start, else its stop (a
-- session waiting for its start), else when either arrived. started_at alone may be null, which no keyset
-- key may be. Computed by PostgreSQL, so no writer can forget it.
ALTER TABLE charging_session ADD COLUMN listed_at TIMESTAMPTZ NOT NULL
    GENERATED ALWAYS AS (coalesce(started_at, stopped_at, start_received_at, stop_received_at, created_at)) STORED;

-- a page of all sessions, of an operator's, of a driver's: read from an index in list order
-- (the report keeps reading charging_session_operator, by operator and start)
CREATE INDEX charging_session_listed ON charging_session (listed_at DESC, id DESC);
CREATE INDEX charging_session_operator_listed ON charging_session (operator_id, listed_at DESC, id DESC);
DROP INDEX charging_session_driver;
CREATE INDEX charging_session_driver_listed ON charging_session (driver_id, listed_at DESC, id DESC);
