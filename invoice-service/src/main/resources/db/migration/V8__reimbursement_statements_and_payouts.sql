-- Reimbursement statements (docs/companies.md): what the operator pays an employee for charging at home, a
-- document of kind REIMBURSEMENT per employee and period beside their invoice, numbered in its own series
-- (PREFIX-R-2026-000001). Its lines carry the rate's monthly cap; an ADJUSTMENT line holds a month to its cap, or
-- reverses a session paid out at an older price (the supplementary statement's difference).
DROP INDEX invoice_one_open_per_period;
CREATE UNIQUE INDEX invoice_one_open_per_period ON invoice (operator_id, driver_id, kind, period_start, period_end, currency)
    WHERE status = 'OPEN';
ALTER TABLE invoice_line ADD COLUMN monthly_cap NUMERIC(14,2);
ALTER TABLE invoice_line ALTER COLUMN session_id DROP NOT NULL;

-- Where an employee's reimbursements are paid (DriverRecord.payoutIban); erased with the driver.
ALTER TABLE driver ADD COLUMN payout_iban TEXT;

-- A payout batch: one SEPA credit transfer (pain.001.001.09) paying every issued, unpaid reimbursement statement of
-- the operator with an amount and an IBAN; EXECUTED once the bank carried it out, which makes its statements PAID.
CREATE TABLE payout_batch (
    id                UUID PRIMARY KEY,
    operator_id       UUID          NOT NULL,
    message_id        TEXT          NOT NULL UNIQUE,
    status            TEXT          NOT NULL,  -- CREATED, EXECUTED
    currency          TEXT          NOT NULL,
    execution_date    DATE          NOT NULL,
    transaction_count INT           NOT NULL,
    control_sum       NUMERIC(14,2) NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    executed_on       DATE,
    document          TEXT          NOT NULL  -- the pain.001.001.09 XML, as handed to the bank
);
CREATE INDEX payout_batch_operator ON payout_batch (operator_id, created_at DESC);

-- One statement paid by a batch; a statement is paid out once.
CREATE TABLE payout (
    id          UUID PRIMARY KEY,
    batch_id    UUID          NOT NULL REFERENCES payout_batch (id),
    invoice_id  UUID          NOT NULL UNIQUE REFERENCES invoice (id),
    position    INT           NOT NULL,
    driver_id   UUID          NOT NULL,
    number      TEXT          NOT NULL,
    name        TEXT          NOT NULL,
    iban        TEXT          NOT NULL,
    amount      NUMERIC(14,2) NOT NULL,
    end_to_end_id TEXT        NOT NULL,
    UNIQUE (batch_id, position)
);
