package org.evsettle.events.ocpp;

import java.time.Instant;

/**
 * A charger sent BootNotification; registrationStatus is what the gateway answered. bootReason is an
 * OCPP 2.0.1 station's reason (PowerUp, Watchdog, FirmwareUpdate, ...); null from 1.6.
 */
public record ChargerBooted(
        String chargePointId,
        String vendor,
        String model,
        String serialNumber,
        String firmwareVersion,
        String registrationStatus,
        Instant receivedAt,
        String bootReason) implements OcppEvent {

    /** A boot without a reason (every 1.6 BootNotification). */
    public ChargerBooted(String chargePointId, String vendor, String model, String serialNumber, String firmwareVersion,
                         String registrationStatus, Instant receivedAt) {
        this(chargePointId, vendor, model, serialNumber, firmwareVersion, registrationStatus, receivedAt, null);
    }
}
