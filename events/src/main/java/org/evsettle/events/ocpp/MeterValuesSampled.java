package org.evsettle.events.ocpp;

import java.time.Instant;
import java.util.List;

/** A MeterValues message; transactionId is null for samples outside a transaction. */
public record MeterValuesSampled(
        String chargePointId,
        int connectorId,
        Integer transactionId,
        List<MeterValue> meterValue,
        Instant receivedAt) implements OcppEvent {
}
