package org.evsettle.events.ocpp;

import java.time.Instant;

/** A charger opened its OCPP WebSocket (after the handshake admitted it). */
public record ChargerConnected(
        String chargePointId,
        String subprotocol,
        String remoteAddress,
        Instant connectedAt) implements OcppEvent {
}
