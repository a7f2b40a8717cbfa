-- Projections of the registry: the latest state of each operator (the supplier on its invoices) and
-- driver (the customer), kept from the compacted registry topics. revision is the registry's, so an
-- older state delivered late is ignored.

CREATE TABLE operator (
    id                         UUID PRIMARY KEY,
    revision                   BIGINT NOT NULL,
    legal_name                 TEXT   NOT NULL,
    street                     TEXT,
    postal_code                TEXT,
    city                       TEXT,
    country_code               TEXT,
    vat_number                 TEXT,
    chamber_of_commerce_number TEXT,
    iban                       TEXT,
    time_zone                  TEXT   NOT NULL,
    currency                   TEXT   NOT NULL,
    billing_interval           TEXT   NOT NULL,
    payment_term_days          INT    NOT NULL,
    invoice_number_prefix      TEXT
);

CREATE TABLE driver (
    id                 UUID PRIMARY KEY,
    revision           BIGINT NOT NULL,
    operator_id        UUID   NOT NULL,
    name               TEXT   NOT NULL,
    street             TEXT,
    postal_code        TEXT,
    city               TEXT,
    country_code       TEXT,
    company_name       TEXT,
    company_vat_number TEXT
);

-- An invoice of one driver for one billing period (inclusive dates in the operator's time zone).
-- It stays OPEN while priced sessions of the period arrive; number is set when it is issued.
-- revision rises with every change and travels with InvoiceUpdated.
CREATE TABLE invoice (
    id           UUID PRIMARY KEY,
    revision     BIGINT        NOT NULL,
    operator_id  UUID          NOT NULL,
    driver_id    UUID          NOT NULL,
    status       TEXT          NOT NULL,
    number       TEXT,
    period_start DATE          NOT NULL,
    period_end   DATE          NOT NULL,
    currency     TEXT          NOT NULL,
    line_count   INT           NOT NULL,
    net_amount   NUMERIC(14,2) NOT NULL,
    vat_amount   NUMERIC(14,2) NOT NULL,
    gross_amount NUMERIC(14,2) NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT invoice_period_order CHECK (period_start <= period_end)
);
-- sessions of a period gather on one open invoice per driver and currency
CREATE UNIQUE INDEX invoice_one_open_per_period ON invoice (operator_id, driver_id, period_start, period_end, currency)
    WHERE status = 'OPEN';
-- a number is never used twice within an operator's series
CREATE UNIQUE INDEX invoice_number_unique ON invoice (operator_id, number) WHERE number IS NOT NULL;
CREATE INDEX invoice_driver ON invoice (driver_id, period_start DESC);
CREATE INDEX invoice_operator ON invoice (operator_id, period_start DESC);

-- One priced charging session on an invoice; a session is billed once.
CREATE TABLE invoice_line (
    id              UUID PRIMARY KEY,
    invoice_id      UUID          NOT NULL REFERENCES invoice (id),
    session_id      UUID          NOT NULL,
    charge_point_id TEXT          NOT NULL,
    transaction_id  INT           NOT NULL,
    site_id         UUID,
    charger_id      UUID,
    card_id         UUID,
    started_at      TIMESTAMPTZ   NOT NULL,
    stopped_at      TIMESTAMPTZ,
    energy_wh       BIGINT        NOT NULL,
    description     TEXT          NOT NULL,
    tariff_id       UUID,
    tariff_version  INT           NOT NULL,
    net_amount      NUMERIC(14,2) NOT NULL,
    vat_rate        NUMERIC       NOT NULL,
    gross_amount    NUMERIC(14,2) NOT NULL,
    CONSTRAINT invoice_line_session_unique UNIQUE (session_id)
);
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id);

-- The tariff components of a line's price, as the tariff service computed them.
CREATE TABLE invoice_line_component (
    invoice_line_id UUID          NOT NULL REFERENCES invoice_line (id),
    position        INT           NOT NULL,
    component       TEXT          NOT NULL,
    description     TEXT,
    quantity        NUMERIC       NOT NULL,
    unit            TEXT          NOT NULL,
    unit_price      NUMERIC       NOT NULL,
    amount          NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (invoice_line_id, position)
);

-- The invoice's amounts per VAT rate: VAT is computed on the net total of each rate.
CREATE TABLE invoice_vat_subtotal (
    invoice_id UUID          NOT NULL REFERENCES invoice (id),
    position   INT           NOT NULL,
    rate       NUMERIC       NOT NULL,
    net_amount NUMERIC(14,2) NOT NULL,
    vat_amount NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (invoice_id, position)
);
