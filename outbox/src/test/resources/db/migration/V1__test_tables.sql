-- What the test consumers applied, in the order they applied it.
CREATE TABLE applied_event (
    seq          BIGSERIAL PRIMARY KEY,
    consumer     TEXT NOT NULL,
    event_id     UUID NOT NULL,
    message_key  TEXT NOT NULL,
    UNIQUE (consumer, event_id)
);

-- The test's copy of registry operators.
CREATE TABLE known_operator (
    id         UUID PRIMARY KEY,
    revision   BIGINT NOT NULL,
    legal_name TEXT
);

-- An aggregate whose changes the outbox announces, for the relay's order per key.
CREATE TABLE counter (
    id    TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);


-- While a row is here, the relay cannot delete what it sent: as if it died between Kafka's ack and its
-- commit (OutboxRelayTest puts the trigger on the kit's outbox_event).
CREATE TABLE relay_fault (id INT PRIMARY KEY);
-- a sequence counts the refused deletes: it is not rolled back with them
CREATE SEQUENCE relay_fault_hits;
CREATE FUNCTION refuse_outbox_delete() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM relay_fault) THEN
        PERFORM nextval('relay_fault_hits');
        RAISE EXCEPTION 'the relay died before it could delete what it sent';
    END IF;
    RETURN OLD;
END $$ LANGUAGE plpgsql;
