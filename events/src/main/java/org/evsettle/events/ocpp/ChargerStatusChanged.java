package org.evsettle.events.ocpp;

import java.time.Instant;

/** A StatusNotification: connector 0 is the charger itself. timestamp is the charger's, when given. */
public record ChargerStatusChanged(
        String chargePointId,
        int connectorId,
        String status,
        String errorCode,
        String info,
        Instant timestamp,
        Instant receivedAt) implements OcppEvent {
}
