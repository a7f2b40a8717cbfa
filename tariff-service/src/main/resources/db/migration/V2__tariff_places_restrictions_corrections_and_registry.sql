-- Where a tariff applies: all the operator's chargers (both null), one site, or one charger.
ALTER TABLE tariff
    ADD COLUMN site_id    UUID,
    ADD COLUMN charger_id UUID,
    ADD CONSTRAINT tariff_one_place CHECK (site_id IS NULL OR charger_id IS NULL);

-- The zone a version's times of day, days and dates are read in (the operator's when the version was
-- made), kept with it so that a version prices a session alike forever. Versions made before this were
-- all in the default zone.
ALTER TABLE tariff_version ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Amsterdam';
ALTER TABLE tariff_version ALTER COLUMN time_zone DROP DEFAULT;

-- revision: the session correction a price (or an unpriced session) is of; 0 for the completion.
ALTER TABLE session_price ADD COLUMN revision INT NOT NULL DEFAULT 0;
ALTER TABLE unpriced_session
    ADD COLUMN revision INT     NOT NULL DEFAULT 0,
    -- waiting for a tariff (a new tariff may price it), rather than unpriceable as it stands
    ADD COLUMN waiting  BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX unpriced_session_waiting ON unpriced_session (operator_id, started_at, session_id) WHERE waiting;

-- An operator whose tariffs changed since its waiting sessions were last tried, written in the
-- transaction of the change and deleted once they have been tried again.
CREATE TABLE tariff_change (
    operator_id UUID PRIMARY KEY,
    changed_at  TIMESTAMPTZ NOT NULL
);

-- Copies of the registry, kept from its compacted topics. revision is the registry's, so an older
-- state delivered late is ignored; a tombstone deletes the row.
CREATE TABLE operator (
    id         UUID PRIMARY KEY,
    revision   BIGINT NOT NULL,
    time_zone  TEXT,
    currency   TEXT,
    user_types TEXT[] NOT NULL
);

CREATE TABLE site (
    id          UUID PRIMARY KEY,
    revision    BIGINT NOT NULL,
    operator_id UUID   NOT NULL
);

CREATE TABLE charger (
    id              UUID PRIMARY KEY,
    revision        BIGINT NOT NULL,
    operator_id     UUID   NOT NULL,
    site_id         UUID,
    charge_point_id TEXT   NOT NULL,
    status          TEXT
);
CREATE INDEX charger_charge_point ON charger (charge_point_id);

CREATE TABLE driver (
    id          UUID PRIMARY KEY,
    revision    BIGINT NOT NULL,
    operator_id UUID   NOT NULL,
    user_type   TEXT
);
