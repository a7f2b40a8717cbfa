-- Tariffs are never edited in place: each change is a new row in tariff_version that takes effect at
-- effective_from, and a session is priced with the version in force when it started.

CREATE TABLE tariff (
    id          UUID PRIMARY KEY,
    operator_id UUID        NOT NULL,
    name        TEXT        NOT NULL,
    -- the user types it applies to (RESIDENT, GUEST, ...); empty for all
    user_types  TEXT[]      NOT NULL,
    currency    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX tariff_operator ON tariff (operator_id);

CREATE TABLE tariff_version (
    id             UUID PRIMARY KEY,
    tariff_id      UUID        NOT NULL REFERENCES tariff (id),
    version        INT         NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    -- a fraction (0.21 for 21%), kept with the scale it was given
    vat_rate       NUMERIC     NOT NULL CHECK (vat_rate >= 0 AND vat_rate <= 1),
    -- [{"type": "ENERGY", "unitPrice": 0.35000}, ...]: new component kinds need no new columns
    components     JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT tariff_version_unique UNIQUE (tariff_id, version)
);

-- The price of every priced session, as announced; the session id makes pricing happen once.
CREATE TABLE session_price (
    session_id      UUID PRIMARY KEY,
    operator_id     UUID        NOT NULL,
    driver_id       UUID,
    user_type       TEXT,
    charge_point_id TEXT        NOT NULL,
    transaction_id  INT         NOT NULL,
    site_id         UUID,
    charger_id      UUID,
    card_id         UUID,
    id_tag          TEXT,
    started_at      TIMESTAMPTZ NOT NULL,
    stopped_at      TIMESTAMPTZ NOT NULL,
    energy_wh       BIGINT      NOT NULL,
    tariff_id       UUID        NOT NULL REFERENCES tariff (id),
    tariff_version  INT         NOT NULL,
    currency        TEXT        NOT NULL,
    lines           JSONB       NOT NULL,
    net_amount      NUMERIC     NOT NULL,
    vat_rate        NUMERIC     NOT NULL,
    vat_amount      NUMERIC     NOT NULL,
    gross_amount    NUMERIC     NOT NULL,
    priced_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_price_operator ON session_price (operator_id, started_at);

-- Completed sessions no tariff could price, kept whole so that they can be priced later.
CREATE TABLE unpriced_session (
    session_id  UUID PRIMARY KEY,
    operator_id UUID,
    started_at  TIMESTAMPTZ NOT NULL,
    energy_wh   BIGINT      NOT NULL,
    reason      TEXT        NOT NULL,
    session     JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX unpriced_session_operator ON unpriced_session (operator_id, started_at);
