package org.evsettle.events.ocpp;

import java.time.Instant;

/**
 * A StatusNotification: connector 0 is the charger itself. timestamp is the charger's, when given.
 * From an OCPP 2.0.1 station connectorId is the EVSE (what a transaction runs on) and evseConnectorId
 * the connector of that EVSE; status is its connectorStatus (Available, Occupied, Reserved,
 * Unavailable, Faulted) and errorCode NoError (2.0.1 reports faults through NotifyEvent).
 */
public record ChargerStatusChanged(
        String chargePointId,
        int connectorId,
        String status,
        String errorCode,
        String info,
        Instant timestamp,
        Instant receivedAt,
        Integer evseConnectorId) implements OcppEvent {

    /** A status without an EVSE's connector (every 1.6 StatusNotification). */
    public ChargerStatusChanged(String chargePointId, int connectorId, String status, String errorCode, String info,
                                Instant timestamp, Instant receivedAt) {
        this(chargePointId, connectorId, status, errorCode, info, timestamp, receivedAt, null);
    }
}
