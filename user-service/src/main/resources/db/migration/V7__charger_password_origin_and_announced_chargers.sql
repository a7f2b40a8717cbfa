-- Where a charger's OCPP password came from (OcppPasswordOrigin): ASSIGNED over REST, ISSUED by the gateway
-- to the charger itself after its enrollment, or still its operator's ENROLLMENT_KEY. Only an enrollment
-- made a pending charger so far, so those still present the key. Why the charger has not taken a password
-- of its own yet (its answer to ChangeConfiguration AuthorizationKey), for the admin to see.
ALTER TABLE charger
    ADD COLUMN ocpp_password_origin  TEXT NOT NULL DEFAULT 'ASSIGNED',
    ADD COLUMN ocpp_password_problem TEXT,
    ADD CONSTRAINT charger_ocpp_password_origin_known
        CHECK (ocpp_password_origin IN ('ASSIGNED', 'ISSUED', 'ENROLLMENT_KEY'));
UPDATE charger SET ocpp_password_origin = 'ENROLLMENT_KEY' WHERE status = 'PENDING_APPROVAL';

-- The chargePointIds (serial numbers, say) an operator expects to enroll: each is announced by one operator
-- on the whole platform. With enrolls_announced_only its enrollment key enrolls only those.
ALTER TABLE operator
    ADD COLUMN enrolls_announced_only BOOLEAN NOT NULL DEFAULT false;
CREATE TABLE operator_announced_charger (
    operator_id     UUID NOT NULL REFERENCES operator (id),
    charge_point_id TEXT NOT NULL,
    CONSTRAINT operator_announced_charger_unique PRIMARY KEY (charge_point_id)
);
CREATE INDEX operator_announced_charger_operator ON operator_announced_charger (operator_id);
