package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.UUID;

/**
 * A charger the registry does not know connected with an operator's enrollment key and booted: the
 * gateway admitted it as Pending for that operator. The registry records it as a charger awaiting
 * approval, with the hash of the password it presented.
 */
public record ChargerEnrolled(
        String chargePointId,
        UUID operatorId,
        String vendor,
        String model,
        String serialNumber,
        String firmwareVersion,
        String ocppPasswordHash,
        Instant receivedAt) implements OcppEvent {
}
