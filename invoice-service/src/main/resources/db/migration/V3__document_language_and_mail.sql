-- The language each driver reads their documents in, and what a business customer is registered as;
-- the operator's language and whether (and to whom in copy) its invoices are e-mailed.
ALTER TABLE driver ADD COLUMN language TEXT;
ALTER TABLE driver ADD COLUMN company_registration_number TEXT;
ALTER TABLE operator ADD COLUMN language TEXT;
ALTER TABLE operator ADD COLUMN invoice_mail_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE operator ADD COLUMN invoice_mail_bcc TEXT;
