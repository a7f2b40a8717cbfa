-- The language of an operator's documents (null: its country's, see DocumentLanguage.defaultFor) and of a
-- driver's (null: the operator's), as ISO 639-1 codes of the languages the platform writes.
ALTER TABLE operator
    ADD COLUMN language             TEXT,
    ADD COLUMN invoice_mail_enabled BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN invoice_mail_bcc     TEXT,
    ADD CONSTRAINT operator_language_known CHECK (language IN ('nl', 'fr', 'en', 'de'));

-- A business customer's number in the register of its billing country: digits only for a Dutch KvK
-- number (8) and a Belgian enterprise number (10), up to 35 characters elsewhere.
ALTER TABLE driver
    ADD COLUMN language                    TEXT,
    ADD COLUMN company_registration_number TEXT,
    ADD CONSTRAINT driver_language_known CHECK (language IN ('nl', 'fr', 'en', 'de')),
    ADD CONSTRAINT driver_company_registration_number_length CHECK (length(company_registration_number) <= 35);
