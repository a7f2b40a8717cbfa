package org.evsettle.events.ocpp;

import java.time.Instant;

/**
 * A StartTransaction the gateway accepted and answered with {@code transactionId}. timestamp is the
 * charger's (it may be days old for an offline-queued message); receivedAt is the gateway's.
 */
public record TransactionStarted(
        String chargePointId,
        int transactionId,
        int connectorId,
        String idTag,
        long meterStartWh,
        Instant timestamp,
        Integer reservationId,
        ChargeAuthorization authorization,
        Instant receivedAt) implements OcppEvent {
}
