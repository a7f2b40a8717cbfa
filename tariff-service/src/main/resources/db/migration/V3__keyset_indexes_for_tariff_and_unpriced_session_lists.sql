-- The lists of an operator's tariffs and unpriced sessions are read page by page in key order
-- (Keyset): an index on exactly that key lets each page start where the cursor points.
CREATE INDEX tariff_listed ON tariff (operator_id, created_at, id);
CREATE INDEX unpriced_session_listed ON unpriced_session (operator_id, started_at, session_id);
DROP INDEX IF EXISTS unpriced_session_operator;
