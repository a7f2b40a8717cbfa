package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.List;

/**
 * A StopTransaction the gateway answered. knownTransaction is false when the gateway never issued
 * this transactionId: the stop is still recorded, flagged, as OCPP requires. connectorId is null
 * when the gateway does not know the transaction. For an OCPP 2.0.1 station it is the Ended
 * TransactionEvent: reason its stoppedReason, station its seqNo and the seqNos that never arrived.
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
        Instant receivedAt,
        StationTransaction station) implements OcppEvent {

    /** A stop without 2.0.1 details (every 1.6 StopTransaction). */
    public TransactionStopped(String chargePointId, int transactionId, Integer connectorId, String idTag,
                              long meterStopWh, Instant timestamp, String reason, List<MeterValue> transactionData,
                              boolean knownTransaction, Instant receivedAt) {
        this(chargePointId, transactionId, connectorId, idTag, meterStopWh, timestamp, reason, transactionData,
                knownTransaction, receivedAt, null);
    }
}
