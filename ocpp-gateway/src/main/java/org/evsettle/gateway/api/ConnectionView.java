package org.evsettle.gateway.api;

import java.time.Instant;
import java.util.List;
import org.evsettle.gateway.ConnectionSnapshot;
import org.evsettle.gateway.ConnectorStatus;

/**
 * A charger's connection as the API shows it: registrationStatus is how its last BootNotification
 * was answered (Accepted, Pending, Rejected); connectors carry their last StatusNotification.
 */
public record ConnectionView(
        String chargePointId,
        boolean connected,
        Instant connectedSince,
        Instant lastSeen,
        String vendor,
        String model,
        String firmwareVersion,
        String registrationStatus,
        List<ConnectorView> connectors) {

    /** One connector's last reported status; timestamp is the charger's (the receipt time if it sent none). */
    public record ConnectorView(int connectorId, String status, String errorCode, Instant timestamp) {
        static ConnectorView of(ConnectorStatus status) {
            return new ConnectorView(status.connectorId(), status.status(), status.errorCode(), status.timestamp());
        }
    }

    static ConnectionView of(String chargePointId, ConnectionSnapshot snapshot) {
        return new ConnectionView(chargePointId, snapshot.connected(), snapshot.connectedSince(), snapshot.lastSeen(),
                snapshot.vendor(), snapshot.model(), snapshot.firmwareVersion(), snapshot.registrationStatus(),
                snapshot.connectors().stream().map(ConnectorView::of).toList());
    }
}
