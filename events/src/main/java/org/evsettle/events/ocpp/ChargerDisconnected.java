package org.evsettle.events.ocpp;

import java.time.Instant;

/** A charger's WebSocket closed: by the charger, the network, or a newer connection replacing it. */
public record ChargerDisconnected(
        String chargePointId,
        Integer closeCode,
        String reason,
        Instant disconnectedAt) implements OcppEvent {
}
