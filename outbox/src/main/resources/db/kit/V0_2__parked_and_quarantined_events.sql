-- A forwarded record (to a dead-letter topic) carries its own headers, as it was consumed.
ALTER TABLE outbox_event ADD COLUMN headers JSONB;

-- Records a consumer could not apply yet because what they depend on has not arrived (an operator the
-- registry has not told about): applied once it has. awaits names the dependency; null means the record
-- waits only behind an earlier parked record of its key, so that the order per key holds.
CREATE TABLE parked_event (
    seq              BIGSERIAL PRIMARY KEY,
    consumer         TEXT        NOT NULL,
    message_key      TEXT        NOT NULL,
    awaits           TEXT,
    arrived          BOOLEAN     NOT NULL DEFAULT false,
    topic            TEXT        NOT NULL,
    record_partition INT         NOT NULL,
    record_offset    BIGINT      NOT NULL,
    record_timestamp BIGINT      NOT NULL,
    event_id         UUID,
    ce_type          TEXT,
    headers          JSONB       NOT NULL,
    payload          BYTEA,
    parked_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    tried_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (consumer, topic, record_partition, record_offset)
);
CREATE INDEX parked_event_key ON parked_event (consumer, message_key, seq);
CREATE INDEX parked_event_awaits ON parked_event (awaits) WHERE awaits IS NOT NULL;

-- Records a consumer could not apply after its bounded retries (or could not read at all): kept as they
-- came, beside their copy on the consumer's dead-letter topic, until an admin replays or discards them.
CREATE TABLE quarantined_event (
    id               BIGSERIAL PRIMARY KEY,
    consumer         TEXT        NOT NULL,
    topic            TEXT        NOT NULL,
    record_partition INT         NOT NULL,
    record_offset    BIGINT      NOT NULL,
    record_timestamp BIGINT      NOT NULL,
    message_key      TEXT,
    event_id         UUID,
    ce_type          TEXT,
    headers          JSONB       NOT NULL,
    payload          BYTEA,
    reason           TEXT        NOT NULL,
    attempts         INT         NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'QUARANTINED',
    quarantined_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved_at      TIMESTAMPTZ,
    resolved_by      TEXT,
    resolution       TEXT,
    UNIQUE (consumer, topic, record_partition, record_offset)
);
CREATE INDEX quarantined_event_status ON quarantined_event (status, consumer, id);
