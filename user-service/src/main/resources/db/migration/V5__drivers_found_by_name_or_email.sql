-- The drivers list searches for a text anywhere in a driver's name or e-mail, in any case
-- (lower(name) LIKE lower('%text%')). Trigram indexes answer that from the trigrams of the text instead of
-- reading every driver of the operator; a text of two characters has no trigram and falls back to the
-- operator's drivers in list order (driver_listed). pg_trgm ships with PostgreSQL (contrib) and is a trusted
-- extension: the database's owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX driver_name_trigrams ON driver USING gin (lower(name) gin_trgm_ops);
CREATE INDEX driver_email_trigrams ON driver USING gin (lower(email) gin_trgm_ops);
