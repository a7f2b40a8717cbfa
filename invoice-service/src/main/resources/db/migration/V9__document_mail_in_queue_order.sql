-- The mails of one document go out in the order they were queued: an invoice before its first reminder,
-- a reminder before the next, even when the first mail is still being tried again after an SMTP failure.
-- queue_position is that order (an identity, so two mails queued in the same instant are ordered too);
-- the worker claims a mail only when no mail of its document queued before it is still QUEUED.
ALTER TABLE document_mail ADD COLUMN queue_position BIGINT GENERATED ALWAYS AS IDENTITY;

CREATE INDEX document_mail_queued_of_document ON document_mail (invoice_id, queue_position) WHERE status = 'QUEUED';
