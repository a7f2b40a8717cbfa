package org.evsettle.events.ocpp;

import java.time.Instant;

/** A vendor-specific DataTransfer from a charger, kept as sent; status is what the gateway answered. */
public record DataTransferReceived(
        String chargePointId,
        String vendorId,
        String messageId,
        String data,
        String status,
        Instant receivedAt) implements OcppEvent {
}
