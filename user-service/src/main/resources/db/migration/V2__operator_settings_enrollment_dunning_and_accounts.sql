-- Operator settings that other services read from the registry record: user types, dunning policy,
-- the hash of the charger enrollment key (the key itself is shown once and never stored), statements.
ALTER TABLE operator
    ADD COLUMN dunning_block_cards               BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN dunning_block_after_days_overdue  INT     NOT NULL DEFAULT 14,
    ADD COLUMN charger_enrollment_key_hash       TEXT,
    ADD COLUMN charger_enrollment_key_created_at TIMESTAMPTZ,
    ADD COLUMN issues_statements                 BOOLEAN NOT NULL DEFAULT false,
    ADD CONSTRAINT operator_enrollment_key_only_when_accepting
        CHECK (accepts_unknown_chargers OR charger_enrollment_key_hash IS NULL);

-- The user types an operator defined beside RESIDENT, EMPLOYEE and GUEST, which every operator has.
CREATE TABLE operator_user_type (
    operator_id UUID NOT NULL REFERENCES operator (id),
    user_type   TEXT NOT NULL,
    PRIMARY KEY (operator_id, user_type)
);

-- A charger that enrolled itself waits for approval in no site: the admin picks the site when approving.
ALTER TABLE charger
    ALTER COLUMN site_id DROP NOT NULL,
    ADD COLUMN serial_number TEXT,
    ADD CONSTRAINT charger_active_has_site CHECK (status <> 'ACTIVE' OR site_id IS NOT NULL);
CREATE INDEX charger_operator_status ON charger (operator_id, status);

-- A driver's SEPA direct debit mandate (all four set, or none) and the Keycloak account they log in with.
ALTER TABLE driver
    ADD COLUMN sepa_mandate_id        TEXT,
    ADD COLUMN sepa_mandate_signed_on DATE,
    ADD COLUMN sepa_mandate_iban      TEXT,
    ADD COLUMN sepa_mandate_bic       TEXT,
    ADD COLUMN account_id             TEXT,
    ADD CONSTRAINT driver_account_unique UNIQUE (account_id),
    ADD CONSTRAINT driver_sepa_mandate_complete
        CHECK ((sepa_mandate_id IS NULL) = (sepa_mandate_signed_on IS NULL)
            AND (sepa_mandate_id IS NULL) = (sepa_mandate_iban IS NULL));

-- Why a card is BLOCKED, so that each cause is lifted by what ended it: an admin's block only by an
-- admin, an overdue invoice's by its payment, an inactive driver's by reactivating the driver.
ALTER TABLE card
    ADD COLUMN block_cause         TEXT,
    ADD COLUMN blocking_invoice_id UUID,
    ADD CONSTRAINT card_block_cause_only_when_blocked CHECK (block_cause IS NULL OR status = 'BLOCKED');
CREATE INDEX card_blocking_invoice ON card (blocking_invoice_id) WHERE blocking_invoice_id IS NOT NULL;
CREATE INDEX card_valid_until ON card (valid_until) WHERE status = 'ACTIVE' AND valid_until IS NOT NULL;

-- Invoices as dunning knows them from invoice-service: overdue ones (and whether they block the
-- driver's cards), and paid ones, so that an overdue notice arriving after the payment blocks nothing.
CREATE TABLE dunning_invoice (
    invoice_id     UUID PRIMARY KEY,
    operator_id    UUID        NOT NULL REFERENCES operator (id),
    driver_id      UUID        NOT NULL REFERENCES driver (id),
    number         TEXT        NOT NULL,
    due_date       DATE,
    days_overdue   INT         NOT NULL,
    reminder_step  TEXT        NOT NULL,
    blocks_cards   BOOLEAN     NOT NULL,
    paid_on        DATE,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX dunning_invoice_driver ON dunning_invoice (driver_id) WHERE paid_on IS NULL;
