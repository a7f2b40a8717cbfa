-- The charge report is written in its reader's language: an operator admin reads the operator's (its
-- choice, else its country's), a driver their own (else the operator's). The copies keep what that takes.
ALTER TABLE operator ADD COLUMN language TEXT;
ALTER TABLE operator ADD COLUMN country_code TEXT;
ALTER TABLE driver ADD COLUMN language TEXT;
