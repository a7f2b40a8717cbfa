-- Who changed what, when, for which operator: one row per administrative change, written in the
-- transaction of the change. changes holds the changed fields' values before and after (personal values
-- such as IBANs masked, secrets never); state the entity's masked state after the change, so that the
-- next change of a registry entity can say what it changed. Read newest first (seq), per operator.
CREATE TABLE audit_entry (
    seq           BIGSERIAL PRIMARY KEY,
    id            UUID        NOT NULL UNIQUE,
    operator_id   UUID,
    occurred_at   TIMESTAMPTZ NOT NULL,
    actor_subject TEXT        NOT NULL,
    actor_name    TEXT,
    entity_type   TEXT        NOT NULL,
    entity_id     TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    changes       JSONB       NOT NULL,
    state         JSONB
);
CREATE INDEX audit_entry_operator ON audit_entry (operator_id, seq DESC);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id, seq DESC);
