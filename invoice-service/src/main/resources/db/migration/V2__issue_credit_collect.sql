-- Issuing, correcting and collecting invoices: more of the registry, billing runs with gap-free numbers,
-- credit notes and statements, payments, reminders and SEPA direct debits.

-- The registry fields that billing, dunning and collection need.
ALTER TABLE operator
    ADD COLUMN bic                      TEXT,
    ADD COLUMN contact_email            TEXT,
    ADD COLUMN grace_days               INT     NOT NULL DEFAULT 0,
    ADD COLUMN issues_statements        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN dunning_blocks_cards     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN dunning_block_after_days INT;

ALTER TABLE driver
    ADD COLUMN email             TEXT,
    ADD COLUMN user_type         TEXT,
    ADD COLUMN status            TEXT,
    ADD COLUMN mandate_id        TEXT,
    ADD COLUMN mandate_signed_on DATE,
    ADD COLUMN mandate_iban      TEXT,
    ADD COLUMN mandate_bic       TEXT;

-- Sites, so that a line names the place the driver charged at.
CREATE TABLE site (
    id           UUID PRIMARY KEY,
    revision     BIGINT NOT NULL,
    operator_id  UUID   NOT NULL,
    name         TEXT   NOT NULL,
    street       TEXT,
    postal_code  TEXT,
    city         TEXT,
    country_code TEXT
);

-- How far each operator has been billed: sessions that start on or before billed_through go on a later
-- period's invoice. Consumers read the row FOR SHARE and a billing run moves it FOR UPDATE, so no line
-- reaches an invoice of a period once that period's run has begun.
CREATE TABLE billing_state (
    operator_id    UUID PRIMARY KEY,
    billed_through DATE
);

-- One billing run per operator and period; running it again resumes it and issues nothing twice.
CREATE TABLE billing_run (
    id                 UUID PRIMARY KEY,
    operator_id        UUID        NOT NULL,
    period_start       DATE        NOT NULL,
    period_end         DATE        NOT NULL,
    triggered_by       TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    completed_at       TIMESTAMPTZ,
    invoices_issued    INT         NOT NULL DEFAULT 0,
    statements_issued  INT         NOT NULL DEFAULT 0,
    closed_unbilled    INT         NOT NULL DEFAULT 0,
    held               INT         NOT NULL DEFAULT 0,
    gross_amount       NUMERIC(14,2) NOT NULL DEFAULT 0,
    first_number       TEXT,
    last_number        TEXT,
    CONSTRAINT billing_run_once UNIQUE (operator_id, period_start, period_end)
);

-- The last number used in each series of an operator, per year of issue. It is raised in the same
-- transaction that stores the numbered documents, so a rollback returns the numbers: no gaps, no doubles.
CREATE TABLE number_series (
    operator_id UUID   NOT NULL,
    series      TEXT   NOT NULL,
    year        INT    NOT NULL,
    last_value  BIGINT NOT NULL,
    PRIMARY KEY (operator_id, series, year)
);

-- An invoice is one kind of document; credit notes and statements are the others. Issued documents keep
-- the supplier and customer as they were at issue (JSON), whatever the registry says later.
ALTER TABLE invoice
    ADD COLUMN kind                  TEXT          NOT NULL DEFAULT 'INVOICE',
    ADD COLUMN issue_date            DATE,
    ADD COLUMN due_date              DATE,
    ADD COLUMN issued_at             TIMESTAMPTZ,
    ADD COLUMN payment_reference     TEXT,
    ADD COLUMN payment_method        TEXT,
    ADD COLUMN paid_amount           NUMERIC(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN credited_amount       NUMERIC(14,2) NOT NULL DEFAULT 0,
    ADD COLUMN settled_on            DATE,
    ADD COLUMN credits_invoice_id    UUID REFERENCES invoice (id),
    ADD COLUMN credits_invoice_number TEXT,
    ADD COLUMN reason                TEXT,
    ADD COLUMN supplier              TEXT,
    ADD COLUMN customer              TEXT,
    ADD COLUMN billing_run_id        UUID REFERENCES billing_run (id),
    ADD COLUMN overdue_notified_days INT           NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX invoice_payment_reference ON invoice (operator_id, payment_reference) WHERE payment_reference IS NOT NULL;
CREATE INDEX invoice_open_by_operator ON invoice (operator_id, period_end) WHERE status = 'OPEN';
CREATE INDEX invoice_receivable ON invoice (due_date) WHERE status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE');
CREATE INDEX invoice_credits ON invoice (credits_invoice_id) WHERE credits_invoice_id IS NOT NULL;

-- A session may now appear more than once: charged, credited by a credit note, charged again at its
-- new price. It is charged once per price revision of the tariff service, and a line is credited once.
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_session_unique;
ALTER TABLE invoice_line
    ADD COLUMN kind            TEXT    NOT NULL DEFAULT 'CHARGE',
    ADD COLUMN price_revision  INT     NOT NULL DEFAULT 0,
    ADD COLUMN credited        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN credits_line_id UUID REFERENCES invoice_line (id),
    ADD COLUMN site_name       TEXT,
    ADD COLUMN note            TEXT;
CREATE UNIQUE INDEX invoice_line_charged_once ON invoice_line (session_id, price_revision) WHERE kind = 'CHARGE';
CREATE UNIQUE INDEX invoice_line_credited_once ON invoice_line (credits_line_id) WHERE kind = 'CREDIT';
CREATE INDEX invoice_line_session ON invoice_line (session_id);

-- Money received for an invoice: over REST, from a bank statement import or by direct debit. A row of
-- a bank statement is applied once (import_key), however often the statement is imported.
CREATE TABLE payment (
    id            UUID PRIMARY KEY,
    invoice_id    UUID          NOT NULL REFERENCES invoice (id),
    operator_id   UUID          NOT NULL,
    amount        NUMERIC(14,2) NOT NULL,
    paid_on       DATE          NOT NULL,
    reference     TEXT,
    method        TEXT          NOT NULL,
    import_key    TEXT,
    registered_at TIMESTAMPTZ   NOT NULL,
    CONSTRAINT payment_positive CHECK (amount > 0)
);
CREATE INDEX payment_invoice ON payment (invoice_id);
CREATE UNIQUE INDEX payment_imported_once ON payment (operator_id, import_key) WHERE import_key IS NOT NULL;

-- The reminder steps an overdue invoice went through, each announced once.
CREATE TABLE invoice_reminder (
    invoice_id         UUID          NOT NULL REFERENCES invoice (id),
    step               TEXT          NOT NULL,
    days_overdue       INT           NOT NULL,
    sent_on            DATE          NOT NULL,
    outstanding_amount NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (invoice_id, step)
);

-- What the operator collects with: the SEPA creditor identifier is not in the registry (yet).
CREATE TABLE collection_settings (
    operator_id UUID PRIMARY KEY,
    creditor_id TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- A pain.008 batch of direct debits for one operator and collection date; the document is kept as sent.
CREATE TABLE direct_debit_batch (
    id                UUID PRIMARY KEY,
    operator_id       UUID          NOT NULL,
    message_id        TEXT          NOT NULL UNIQUE,
    collection_date   DATE          NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    status            TEXT          NOT NULL,
    transaction_count INT           NOT NULL,
    control_sum       NUMERIC(14,2) NOT NULL,
    document          TEXT          NOT NULL
);
CREATE INDEX direct_debit_batch_operator ON direct_debit_batch (operator_id, collection_date DESC);

CREATE TABLE direct_debit (
    batch_id          UUID          NOT NULL REFERENCES direct_debit_batch (id),
    invoice_id        UUID          NOT NULL REFERENCES invoice (id),
    end_to_end_id     TEXT          NOT NULL,
    mandate_id        TEXT          NOT NULL,
    mandate_signed_on DATE          NOT NULL,
    debtor_name       TEXT          NOT NULL,
    debtor_iban       TEXT          NOT NULL,
    amount            NUMERIC(14,2) NOT NULL,
    sequence_type     TEXT          NOT NULL,
    state             TEXT          NOT NULL,
    PRIMARY KEY (batch_id, invoice_id)
);
-- an invoice is in at most one collection that has not been settled
CREATE UNIQUE INDEX direct_debit_one_pending ON direct_debit (invoice_id) WHERE state = 'PENDING';
CREATE INDEX direct_debit_mandate ON direct_debit (mandate_id);
