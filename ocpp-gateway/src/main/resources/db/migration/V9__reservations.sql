-- Reservations a charger accepted (ReserveNow answered Accepted), per charger and the reservationId the
-- command gave it. A ReserveNow with the same reservationId replaces it, as OCPP 1.6 says. RESERVED until
-- a StartTransaction of the card claims it (USED), CancelReservation is accepted (CANCELLED) or expires_at
-- passes (then it holds nothing, whatever its status says).
CREATE TABLE reservation (
    charge_point_id TEXT        NOT NULL,
    reservation_id  INTEGER     NOT NULL,
    connector_id    INTEGER     NOT NULL,  -- 0: any connector of the charger
    id_tag          TEXT        NOT NULL,  -- normalized (IdTags)
    parent_id_tag   TEXT,
    expires_at      TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL,  -- RESERVED, USED, CANCELLED
    transaction_id  INTEGER,               -- the transaction that used it
    requested_by    TEXT        NOT NULL,
    reserved_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (charge_point_id, reservation_id)
);
CREATE INDEX reservation_held ON reservation (charge_point_id, connector_id) WHERE status = 'RESERVED';
