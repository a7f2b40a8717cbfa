package org.evsettle.events.ocpp;

import java.time.Instant;

/**
 * A StartTransaction the gateway accepted and answered with {@code transactionId}. timestamp is the
 * charger's (it may be days old for an offline-queued message); receivedAt is the gateway's. For
 * an OCPP 2.0.1 station it is the first TransactionEvent of the transaction that arrived (station
 * tells which); connectorId is then the EVSE.
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
        Instant receivedAt,
        StationTransaction station) implements OcppEvent {

    /** A start without 2.0.1 details (every 1.6 StartTransaction). */
    public TransactionStarted(String chargePointId, int transactionId, int connectorId, String idTag, long meterStartWh,
                              Instant timestamp, Integer reservationId, ChargeAuthorization authorization,
                              Instant receivedAt) {
        this(chargePointId, transactionId, connectorId, idTag, meterStartWh, timestamp, reservationId, authorization,
                receivedAt, null);
    }
}
