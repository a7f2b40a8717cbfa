-- Events waiting to be relayed to Kafka, written in the same transaction as the change they announce.
-- IF NOT EXISTS: databases created before the kit had its own history table have these already.
CREATE TABLE IF NOT EXISTS outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    ce_type      TEXT        NOT NULL,
    ce_source    TEXT        NOT NULL,
    ce_time      TIMESTAMPTZ NOT NULL,
    payload      BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Events a consumer has already acted on, recorded in the same transaction as the effect.
CREATE TABLE IF NOT EXISTS processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX IF NOT EXISTS processed_event_age ON processed_event (processed_at);
