-- The registry: operators (tenants) and what belongs to them. revision rises with every change and
-- travels with the registry record, so consumers can ignore an older state delivered late.

CREATE TABLE operator (
    id                         UUID PRIMARY KEY,
    revision                   BIGINT      NOT NULL,
    legal_name                 TEXT        NOT NULL,
    street                     TEXT        NOT NULL,
    postal_code                TEXT        NOT NULL,
    city                       TEXT        NOT NULL,
    country_code               TEXT        NOT NULL,
    vat_number                 TEXT        NOT NULL,
    chamber_of_commerce_number TEXT        NOT NULL,
    iban                       TEXT        NOT NULL,
    bic                        TEXT,
    contact_email              TEXT        NOT NULL,
    time_zone                  TEXT        NOT NULL,
    currency                   TEXT        NOT NULL,
    billing_interval           TEXT        NOT NULL,
    grace_days                 INT         NOT NULL,
    payment_term_days          INT         NOT NULL,
    invoice_number_prefix      TEXT        NOT NULL,
    accepts_unknown_chargers   BOOLEAN     NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE site (
    id           UUID PRIMARY KEY,
    revision     BIGINT      NOT NULL,
    operator_id  UUID        NOT NULL REFERENCES operator (id),
    name         TEXT        NOT NULL,
    street       TEXT        NOT NULL,
    postal_code  TEXT        NOT NULL,
    city         TEXT        NOT NULL,
    country_code TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX site_operator ON site (operator_id);

CREATE TABLE charger (
    id                 UUID PRIMARY KEY,
    revision           BIGINT      NOT NULL,
    operator_id        UUID        NOT NULL REFERENCES operator (id),
    site_id            UUID        NOT NULL REFERENCES site (id),
    charge_point_id    TEXT        NOT NULL,
    connector_count    INT         NOT NULL,
    vendor             TEXT,
    model              TEXT,
    firmware_version   TEXT,
    ocpp_password_hash TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the gateway's URL names a charger by chargePointId alone: it is unique on the platform
    CONSTRAINT charger_charge_point_id_unique UNIQUE (charge_point_id)
);
CREATE INDEX charger_operator ON charger (operator_id);

CREATE TABLE driver (
    id                 UUID PRIMARY KEY,
    revision           BIGINT      NOT NULL,
    operator_id        UUID        NOT NULL REFERENCES operator (id),
    name               TEXT        NOT NULL,
    email              TEXT        NOT NULL,
    street             TEXT        NOT NULL,
    postal_code        TEXT        NOT NULL,
    city               TEXT        NOT NULL,
    country_code       TEXT        NOT NULL,
    user_type          TEXT        NOT NULL,
    company_name       TEXT,
    company_vat_number TEXT,
    status             TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT driver_email_unique UNIQUE (operator_id, email)
);

CREATE TABLE card (
    id            UUID PRIMARY KEY,
    revision      BIGINT      NOT NULL,
    operator_id   UUID        NOT NULL REFERENCES operator (id),
    driver_id     UUID        NOT NULL REFERENCES driver (id),
    id_tag        TEXT        NOT NULL,
    label         TEXT,
    status        TEXT        NOT NULL,
    status_reason TEXT,
    valid_until   DATE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- idTag is stored normalized: one physical card is one row per operator
    CONSTRAINT card_id_tag_unique UNIQUE (operator_id, id_tag)
);
CREATE INDEX card_driver ON card (driver_id);
