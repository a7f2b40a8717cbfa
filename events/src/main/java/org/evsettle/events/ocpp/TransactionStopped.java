package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.List;

/**
 * A StopTransaction the gateway answered. knownTransaction is false when the gateway never issued
 * this transactionId: the stop is still recorded, flagged, as OCPP requires. connectorId is null
 * when the gateway does not know the transaction.
 */
public record TransactionStopped(
        String chargePointId,
        int transactionId,
        Integer connectorId,
        String idTag,
        long meterStopWh,
        Instant timestamp,
        String reason,
        List<MeterValue> transactionData,
        boolean knownTransaction,
        Instant receivedAt) implements OcppEvent {
}
