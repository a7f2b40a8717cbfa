-- Every e-mail about a document: one row per document, step and send (1 for the automatic one, 2 and on
-- for an operator's resends), written in the transaction that issues or dunning-steps the document, so
-- the unique key is what makes each mail go out once. next_attempt_at is also the lease of the worker
-- that claimed the row: a worker that dies mid-send leaves it due again once that time has passed.
CREATE TABLE document_mail (
    id UUID PRIMARY KEY,
    invoice_id UUID NOT NULL REFERENCES invoice (id),
    operator_id UUID NOT NULL,
    step TEXT NOT NULL,
    send_number INT NOT NULL,
    status TEXT NOT NULL,
    recipient TEXT,
    bcc TEXT,
    message_id TEXT NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    queued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    sent_at TIMESTAMP WITH TIME ZONE,
    last_error TEXT,
    requested_by TEXT,
    CONSTRAINT document_mail_once UNIQUE (invoice_id, step, send_number)
);

CREATE INDEX document_mail_due ON document_mail (next_attempt_at) WHERE status = 'QUEUED';
