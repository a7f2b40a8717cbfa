-- Security profile 3: the client certificates the charger CA issued, shared by every replica.
-- A certificate is in force (Basic alone no longer admits its charger) from the charger's first
-- connect with it until it expires or is revoked; a newer certificate in use revokes the older ones.
CREATE TABLE issued_certificate (
    serial             TEXT        PRIMARY KEY,  -- lower-case hex
    charge_point_id    TEXT        NOT NULL,
    fingerprint_sha256 TEXT        NOT NULL UNIQUE,
    not_before         TIMESTAMPTZ NOT NULL,
    not_after          TIMESTAMPTZ NOT NULL,
    issued_at          TIMESTAMPTZ NOT NULL,
    first_used_at      TIMESTAMPTZ,
    revoked_at         TIMESTAMPTZ,
    revoked_reason     TEXT,
    certificate_pem    TEXT        NOT NULL
);

CREATE INDEX issued_certificate_by_charger ON issued_certificate (charge_point_id, issued_at);

-- An operator asked for a certificate for this charger (ExtendedTriggerMessage sent): its next
-- SignCertificate is signed. A charger that holds a valid certificate of ours may renew without one.
CREATE TABLE certificate_request (
    charge_point_id TEXT        PRIMARY KEY,
    requested_at    TIMESTAMPTZ NOT NULL,
    requested_by    TEXT        NOT NULL
);
