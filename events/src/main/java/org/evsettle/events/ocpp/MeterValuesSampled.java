package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.List;

/**
 * A MeterValues message, or an OCPP 2.0.1 TransactionEvent Updated (station tells its seqNo);
 * transactionId is null for samples outside a transaction. connectorId is the EVSE for 2.0.1.
 */
public record MeterValuesSampled(
        String chargePointId,
        int connectorId,
        Integer transactionId,
        List<MeterValue> meterValue,
        Instant receivedAt,
        StationTransaction station) implements OcppEvent {

    /** Samples without 2.0.1 details (every 1.6 MeterValues, and 2.0.1 MeterValues outside a transaction). */
    public MeterValuesSampled(String chargePointId, int connectorId, Integer transactionId, List<MeterValue> meterValue,
                              Instant receivedAt) {
        this(chargePointId, connectorId, transactionId, meterValue, receivedAt, null);
    }
}
