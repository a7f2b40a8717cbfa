package org.evsettle.events.ocpp;

import java.time.Instant;

/** A charger sent BootNotification; registrationStatus is what the gateway answered. */
public record ChargerBooted(
        String chargePointId,
        String vendor,
        String model,
        String serialNumber,
        String firmwareVersion,
        String registrationStatus,
        Instant receivedAt) implements OcppEvent {
}
