-- The Zaptec charge history, imported (docs/zaptec.md). An imported session is a charging_session like a
-- charger's, with its source and Zaptec's session id as natural key, unique per operator.
ALTER TABLE charging_session ADD COLUMN source TEXT NOT NULL DEFAULT 'OCPP';
ALTER TABLE charging_session ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX charging_session_external_id ON charging_session (operator_id, external_id)
    WHERE external_id IS NOT NULL;
-- An imported session takes a transaction id below zero from here: the gateway issues positive ones, so the
-- (charge_point_id, transaction_id) key of charger sessions never meets an imported one.
CREATE SEQUENCE imported_transaction_id START 1;

-- The copies learn what matching needs: a driver's e-mail, a card's operator, driver and normalized idTag, and
-- the operator's registered chargers. A copy made before this learns them at its next registry record.
ALTER TABLE driver ADD COLUMN email TEXT;
CREATE INDEX driver_email ON driver (operator_id, lower(email));
ALTER TABLE card ADD COLUMN operator_id UUID, ADD COLUMN driver_id UUID, ADD COLUMN id_tag TEXT;
CREATE INDEX card_id_tag ON card (operator_id, id_tag);
CREATE TABLE charger (
    id              UUID PRIMARY KEY,
    revision        BIGINT NOT NULL,
    operator_id     UUID,
    site_id         UUID,
    charge_point_id TEXT   NOT NULL
);
CREATE INDEX charger_charge_point_id ON charger (operator_id, upper(charge_point_id));

-- An installation's API credentials, encrypted (AES-GCM; nonce and tag inside the value), never answered back.
CREATE TABLE zaptec_installation (
    operator_id        UUID        NOT NULL,
    installation_id    TEXT        NOT NULL,
    username_encrypted TEXT        NOT NULL,
    password_encrypted TEXT        NOT NULL,
    username_hint      TEXT        NOT NULL,
    import_every       TEXT        NOT NULL,
    imported_until     TIMESTAMPTZ,
    last_run_at        TIMESTAMPTZ,
    last_outcome       TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (operator_id, installation_id)
);

-- What Zaptec said of each imported session: who and where as Zaptec names them (for matching and the review
-- list) and a fingerprint of the data billing reads (a change at Zaptec becomes a correction).
CREATE TABLE zaptec_session (
    session_id       UUID PRIMARY KEY,
    operator_id      UUID        NOT NULL,
    zaptec_id        TEXT        NOT NULL,
    source           TEXT        NOT NULL,
    installation_id  TEXT,
    zaptec_charger   TEXT,
    device_id        TEXT,
    device_name      TEXT,
    zaptec_user_id   TEXT,
    user_email       TEXT,
    user_full_name   TEXT,
    token_name       TEXT,
    energy_kwh       NUMERIC     NOT NULL,
    fingerprint      TEXT        NOT NULL,
    imported_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT zaptec_session_natural_key UNIQUE (operator_id, zaptec_id)
);
CREATE INDEX zaptec_session_user ON zaptec_session (operator_id, zaptec_user_id);
CREATE INDEX zaptec_session_token ON zaptec_session (operator_id, token_name);

-- What an operator said once: this Zaptec user, token or charger is this driver, card or charger of ours.
CREATE TABLE zaptec_mapping (
    operator_id     UUID        NOT NULL,
    kind            TEXT        NOT NULL,
    zaptec_key      TEXT        NOT NULL,
    driver_id       UUID,
    card_id         UUID,
    charge_point_id TEXT,
    set_by          TEXT        NOT NULL,
    set_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (operator_id, kind, zaptec_key)
);
